import { REFERENCE_PREFECTURES, schema, verifyPassword } from '@em/db';
import { ACTIONS, complementDeadline, EPHOTO_PATTERN, NUMERO_PATTERN, PIECE_CATALOGUE, parisDay, STATUSES } from '@em/domain';
import { storedEmailContent, type TemplateName } from '@em/mail';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPLICANT, DEMO_PREFECTURES, DEMO_STAFF } from './accounts.js';
import { isDatabaseEmpty } from './seed.js';
import { NOW, PUBLIC_URL, removeSeeded, rows, type Seeded, seedFresh } from './seed-fixture.js';

const DAY = 86_400_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type DossierRow = {
  id: number;
  numero: string | null;
  status: string;
  prefecture_code: string | null;
  deposited_at: number | null;
  assignee_id: number | null;
  ephoto: string | null;
};

let first: Seeded;

beforeAll(async () => {
  first = await seedFresh();
});

afterAll(removeSeeded);

describe('seedDemoData, the demo it loads', () => {
  it('fills an empty database: it is no longer empty', () => {
    expect(isDatabaseEmpty(first.db)).toBe(false);
    // Every département has its préfecture (migrateDatabase); the demo ones keep their demo names.
    expect(rows(first.db, 'select count(*) as n from prefectures')).toEqual([{ n: REFERENCE_PREFECTURES.length }]);
    expect(rows(first.db, "select code, name from prefectures where code in ('59', '75') order by code")).toEqual(
      DEMO_PREFECTURES.map((p) => ({ code: p.code, name: p.name })),
    );
  });

  it('covers every status of the life cycle, in both préfectures for the deposited ones', () => {
    const counts = rows<{ status: string; prefecture_code: string | null; n: number }>(
      first.db,
      'select status, prefecture_code, count(*) as n from dossiers group by 1, 2',
    );
    for (const status of STATUSES)
      expect(
        counts.some((c) => c.status === status),
        status,
      ).toBe(true);
    for (const status of ['deposee', 'en_examen', 'complement_demande', 'complete']) {
      for (const code of ['59', '75'])
        expect(
          counts.some((c) => c.status === status && c.prefecture_code === code),
          `${status} ${code}`,
        ).toBe(true);
    }
  });

  it('issues unique numéros in deposit order from each préfecture counter', () => {
    const deposited = rows<DossierRow>(first.db, 'select * from dossiers where deposited_at is not null order by deposited_at');
    const numeros = deposited.map((d) => d.numero!);
    expect(new Set(numeros).size).toBe(numeros.length);
    for (const code of ['59', '75']) {
      const mine = deposited.filter((d) => d.prefecture_code === code);
      const sequences = mine.map((d) => {
        const match = NUMERO_PATTERN.exec(d.numero!);
        expect(match, d.numero!).not.toBeNull();
        expect(match![1]).toBe(code);
        const day = parisDay(new Date(d.deposited_at!));
        expect(match![2]).toBe(`${day.year}${String(day.month).padStart(2, '0')}${String(day.day).padStart(2, '0')}`);
        return Number(match![3]);
      });
      expect(sequences).toEqual(sequences.map((_, i) => i + 1));
      const counter = rows<{ next: number }>(first.db, 'select next_numero_sequence as next from prefectures where code = ?', code)[0]!;
      expect(counter.next).toBe(mine.length + 1);
    }
    const drafts = rows<DossierRow>(first.db, "select * from dossiers where status in ('brouillon', 'abandonnee')");
    expect(drafts.every((d) => d.numero === null && d.deposited_at === null)).toBe(true);
  });

  it('gives every deposited dossier all catalogue pieces, with real PDF or PNG files in the store', () => {
    const deposited = rows<DossierRow>(first.db, 'select * from dossiers where deposited_at is not null');
    for (const dossier of deposited) {
      const { pieces: table } = schema;
      const pieces = first.db.select({ id: table.id, code: table.code }).from(table).where(eq(table.dossierId, dossier.id)).all();
      expect(pieces.map((p) => p.code).sort()).toEqual(PIECE_CATALOGUE.map((p) => p.code).sort());
      expect(dossier.ephoto).toMatch(EPHOTO_PATTERN);
      for (const piece of pieces) {
        const files = rows<{ sha256: string; size: number; detected_type: string; original_name: string }>(
          first.db,
          'select lower(hex(sha256)) as sha256, size, detected_type, original_name from files where piece_id = ?',
          piece.id,
        );
        if (piece.code === 'EPHOTO') expect(files).toEqual([]);
        else expect(files.length).toBeGreaterThanOrEqual(1);
        for (const file of files) {
          const bytes = first.store.read(file.sha256);
          expect(bytes.length).toBe(file.size);
          if (file.detected_type === 'pdf') expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
          else expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), file.original_name).toBe(true);
          expect(file.original_name).toMatch(/^[a-z0-9-]+\.(pdf|png)$/);
        }
      }
    }
  });

  it('stores only documents some dossier refers to (nothing for the cleanup job to delete)', () => {
    const referenced = rows<{ sha256: string }>(first.db, 'select distinct lower(hex(sha256)) as sha256 from files').map(
      (row) => row.sha256,
    );
    expect(first.store.list().sort()).toEqual(referenced.sort());
  });

  it('gives every applicant papers in their own name, as declared; only shared scans name nobody or the hosting person', () => {
    const SHARED_SCANS = ['cachet-entree.png', 'piece-identite-hebergeante.png', 'facture-hebergeante.png'];
    const files = rows<{ dossier_id: number; sha256: string; detected_type: string; original_name: string }>(
      first.db,
      'select p.dossier_id, lower(hex(f.sha256)) as sha256, f.detected_type, f.original_name from files f join pieces p on p.id = f.piece_id',
    );
    const declared = new Map(
      rows<{ id: number; birth_name: string; first_names: string }>(first.db, 'select id, birth_name, first_names from dossiers').map(
        (d) => [d.id, `${(JSON.parse(d.first_names) as string[]).join(' ')} ${d.birth_name.toUpperCase()}`],
      ),
    );
    let checked = 0;
    for (const file of files) {
      if (file.detected_type === 'png') {
        expect(SHARED_SCANS, file.original_name).toContain(file.original_name);
        continue;
      }
      const name = declared.get(file.dossier_id)!;
      // Names outside the PDF standard fonts' Latin-1 are transliterated (pdf.test.ts).
      if (!/^[\u0020-\u00ff]+$/.test(name)) continue;
      expect(first.store.read(file.sha256).toString('latin1'), `${file.original_name} of dossier ${file.dossier_id}`).toContain(
        `(Titulaire : ${name})`,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    const demoFiles = files.filter((f) => declared.get(f.dossier_id) === 'María Guadalupe RODRÍGUEZ HERNÁNDEZ');
    expect(demoFiles.map((f) => f.original_name)).toContain('passeport.pdf');
  });

  it('writes the e-mails already sent with links to PUBLIC_URL', () => {
    const emails = rows<{
      template: TemplateName;
      data: string | null;
      numero: string | null;
      subject: string;
      text: string;
      html: string;
    }>(
      first.db,
      'select template, data, subject, text, html, (select numero from dossiers where id = dossier_id) as numero from outbox_emails',
    ).map((row) => ({ ...row, ...storedEmailContent(row) }));
    const requests = emails.filter((e) => e.template === 'complement_request');
    expect(requests.length).toBeGreaterThan(0);
    for (const e of requests) expect(e.text).toContain(`${PUBLIC_URL}/demande/justificatifs`);
    expect(emails.filter((e) => `${e.text}${e.html}`.includes('localhost:3000'))).toEqual([]);
  });

  it('keeps piece reviews consistent with the dossier status', () => {
    const review = (status: string) =>
      rows<{ dossier_id: number; review_status: string; review_message: string }>(
        first.db,
        'select p.dossier_id, p.review_status, p.review_message from pieces p join dossiers d on d.id = p.dossier_id where d.status = ?',
        status,
      );
    expect(review('deposee').every((p) => p.review_status === 'a_verifier')).toBe(true);
    expect(review('complete').every((p) => p.review_status === 'conforme')).toBe(true);
    const requested = review('complement_demande');
    for (const id of new Set(requested.map((p) => p.dossier_id))) {
      const flagged = requested.filter((p) => p.dossier_id === id && ['manquant', 'illisible', 'non_conforme'].includes(p.review_status));
      expect(flagged.length).toBeGreaterThanOrEqual(1);
      expect(flagged.every((p) => p.review_message.includes('veuillez') || p.review_message.length > 10)).toBe(true);
    }
  });

  it('has complement requests already past their deadline and others due within five days', () => {
    const open = rows<{ sent_at: number; deadline_at: number; prefecture_code: string; dossier_deadline: number }>(
      first.db,
      `select r.sent_at, r.deadline_at, d.prefecture_code, d.deadline_at as dossier_deadline from complement_requests r
       join dossiers d on d.id = r.dossier_id where d.status = 'complement_demande' and r.answered_at is null`,
    );
    for (const r of open) {
      expect(r.deadline_at).toBe(complementDeadline(new Date(r.sent_at), r.prefecture_code).getTime());
      // The deadline runs on the dossier once the request's e-mail was delivered; the one demo request that failed has none.
      if (r.dossier_deadline !== null) expect(r.dossier_deadline).toBe(r.deadline_at);
    }
    expect(open.filter((r) => r.dossier_deadline === null)).toHaveLength(1);
    expect(open.filter((r) => r.deadline_at < NOW.getTime()).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((r) => r.deadline_at > NOW.getTime() && r.deadline_at <= NOW.getTime() + 5 * DAY).length).toBeGreaterThanOrEqual(2);
  });

  it('assigns dossiers only to staff of their own préfecture', () => {
    const mismatched = rows(
      first.db,
      'select d.id from dossiers d join staff_users s on s.id = d.assignee_id where s.prefecture_code is not d.prefecture_code',
    );
    expect(mismatched).toEqual([]);
    const unassigned = rows(
      first.db,
      "select id from dossiers where status not in ('brouillon', 'abandonnee', 'deposee') and assignee_id is null",
    );
    expect(unassigned).toEqual([]);
  });

  it('records a history of transitions that ends in the current status', () => {
    const transitions = new Set<string>([...ACTIONS]);
    const dossiers = rows<DossierRow>(first.db, 'select * from dossiers');
    for (const dossier of dossiers) {
      const events = rows<{ action: string; before: string; after: string }>(
        first.db,
        'select action, before, after from event_log where dossier_id = ? order by at, id',
        dossier.id,
      ).filter((e) => transitions.has(e.action));
      let state = 'brouillon';
      for (const e of events) {
        expect(e.before, `${dossier.id} ${e.action}`).toBe(state);
        state = e.after;
      }
      expect(state, String(dossier.id)).toBe(dossier.status);
    }
    const emails = rows<{ status: string }>(
      first.db,
      "select status from outbox_emails where template in ('deposit', 'complement_request')",
    );
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.filter((e) => e.status !== 'sent').map((e) => e.status)).toEqual(['failed']);
  });

  it('stores instants as whole milliseconds and status words as integers, as the API does', () => {
    const stored = (table: string, column: string) =>
      rows<{ type: string }>(first.db, `select distinct typeof(${column}) as type from ${table} where ${column} is not null`).map(
        (r) => r.type,
      );
    for (const [table, column] of [
      ['events', 'at'],
      ['dossiers', 'deposited_at'],
      ['pieces', 'reviewed_at'],
      ['files', 'uploaded_at'],
      ['complement_requests', 'sent_at'],
      ['outbox_emails', 'created_at'],
    ] as const) {
      expect(stored(table, column), `${table}.${column}`).toEqual(['integer']);
    }
    expect(stored('events', 'before')).toEqual(['integer']);
    expect(stored('events', 'action')).toEqual(['integer']);
  });

  it('has, whatever its size, two overdue requests in the Nord and one whose e-mail failed, to a mistyped address', async () => {
    const nord = rows<{ status: string; email: string; deadline_at: number | null; mail_status: string }>(
      first.db,
      `select d.status, d.email, d.deadline_at, o.status as mail_status from dossiers d
       join outbox_emails o on o.dossier_id = d.id and o.template = 'complement_request'
       where d.prefecture_code = '59' and d.status = 'complement_demande'
         and o.id = (select max(id) from outbox_emails where dossier_id = d.id and template = 'complement_request')`,
    );
    expect(nord.filter((d) => d.mail_status === 'sent' && d.deadline_at! < NOW.getTime()).length).toBeGreaterThanOrEqual(3);
    const failed = nord.filter((d) => d.mail_status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ deadline_at: null, email: expect.stringMatching(/@courriel\.exmaple$/) })]);
  });

  it('writes each dossier’s implicit-decision date and a closed one’s reason, as the API does', () => {
    const dossiers = rows<{ status: string; implicit_decision_at: number | null; closure_reason: string }>(
      first.db,
      "select status, implicit_decision_at, closure_reason from dossiers where status not in ('brouillon', 'abandonnee')",
    );
    for (const d of dossiers) {
      const suspended = d.status === 'complement_demande' || d.status === 'cloturee_incomplete';
      expect(d.implicit_decision_at === null, d.status).toBe(suspended);
      expect(d.closure_reason.startsWith('Pièces demandées non reçues dans le délai'), d.status).toBe(d.status === 'cloturee_incomplete');
    }
  });

  it('keeps on each dossier what the lists, closures and « Échéances » read: the latest request e-mail’s state, the last answer, the counts', () => {
    const differ = (sql: string) => rows<{ n: number }>(first.db, sql)[0]!.n;
    expect(
      differ(`select count(*) as n from dossiers where request_email_status is not (select status from outbox_emails
        where dossier_id = dossiers.id and template = 'complement_request' order by id desc limit 1)`),
    ).toBe(0);
    expect(
      differ(`select count(*) as n from dossiers where last_answered_at is not
        (select max(answered_at) from complement_requests where dossier_id = dossiers.id)`),
    ).toBe(0);
    expect(
      rows(first.db, 'select prefecture_code, status, assignee_id, count from dossier_counts where count > 0 order by 1, 2, 3'),
    ).toEqual(
      rows(
        first.db,
        `select coalesce(prefecture_code, '') as prefecture_code, status, coalesce(assignee_id, 0) as assignee_id, count(*) as count
          from dossiers group by 1, 2, 3 order by 1, 2, 3`,
      ),
    );
  });

  it('creates the demo accounts with working passwords and the demo applicant’s Lille dossier', async () => {
    const staff = DEMO_STAFF[0];
    const hash = rows<{ password_hash: string }>(first.db, 'select password_hash from staff_users where email = ?', staff.email)[0]!;
    expect(await verifyPassword(hash.password_hash, staff.password)).toBe(true);
    const applicant = rows<{ id: number; password_hash: string; must_reset_password: number }>(
      first.db,
      'select * from applicants where email = ?',
      DEMO_APPLICANT.email,
    )[0]!;
    expect(applicant.must_reset_password).toBe(0);
    expect(await verifyPassword(applicant.password_hash, DEMO_APPLICANT.password)).toBe(true);
    const dossiers = rows<Record<string, unknown>>(first.db, 'select * from dossiers where applicant_id = ?', applicant.id);
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]).toMatchObject({
      status: 'deposee',
      prefecture_code: '59',
      city: 'Lille',
      insee_code: '59350',
      address_number: '20',
      address_street: 'Rue Nationale',
      postal_code: '59000',
    });
    expect(dossiers[0]!.search_text).toBe(` rodriguez hernandez maria guadalupe ${dossiers[0]!.numero}`);
    // First in the agent's « à traiter » queue, which lists the oldest deposit first.
    const queue = rows<{ applicant_id: number }>(
      first.db,
      "select applicant_id from dossiers where prefecture_code = '59' and status = 'deposee' order by deposited_at",
    );
    expect(queue[0]!.applicant_id).toBe(applicant.id);
    const files = rows<{ n: number }>(
      first.db,
      'select count(*) as n from files f join pieces p on p.id = f.piece_id where p.dossier_id = ?',
      dossiers[0]!.id,
    )[0]!;
    expect(files.n).toBeGreaterThanOrEqual(5);
  });
});
