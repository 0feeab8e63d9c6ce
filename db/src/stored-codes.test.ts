import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from './connection.js';
import * as schema from './schema.js';
import { STORED_EVENT_ACTIONS } from './stored-codes.js';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'em-stored-codes-'));
  db = openDatabase(join(dir, 'data'));
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Migrates up to `last` included: the schema a base of that version has. */
function migrateUpTo(last: number) {
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  migrate(db, { migrationsFolder: folder });
}

const readEvents = () => db.select().from(schema.events).orderBy(schema.events.id).all();
/** The id of an actor's label, added when new (as the API's recordEvent does). */
function labelId(label: string): number {
  db.insert(schema.actorLabels).values({ label }).onConflictDoNothing().run();
  return db.select().from(schema.actorLabels).where(eq(schema.actorLabels.label, label)).get()!.id;
}

describe('audit events stored with coded words (migration 0015)', () => {
  it('reads the events written before the migration as they were, in Drizzle and in the event_log view, and goes on numbering them', () => {
    migrateUpTo(14);
    const insert = db.$client.prepare(
      `insert into events (id, at, actor_type, actor_id, actor_role, actor_label, action, dossier_id, before, after, reason)
       values (?, 1000, ?, ?, ?, ?, ?, null, ?, ?, ?)`,
    );
    insert.run(1, 'staff', 3, 'agent', 'Camille Dubois', 'review_piece', 'a_verifier', 'non_conforme', 'JUSTIFICATIF_IDENTITE : floue');
    insert.run(2, 'applicant', 9, 'usager', 'Usager', 'replace_ephoto', '0123456789', 'QC5XNFWZ9KTBSHQX2MUVQ3', '');
    insert.run(7, 'system', null, 'systeme', 'Système', 'deadline_started', null, null, 'le délai court');
    insert.run(8, 'staff', 1, 'admin', 'Admin', 'staff_update', 'agent — préfecture 59', 'superviseur — préfecture 75', '');

    migrateDatabase(db);

    const expected = [
      { id: 1, actorRole: 'agent', action: 'review_piece', before: 'a_verifier', after: 'non_conforme' },
      { id: 2, actorRole: 'usager', action: 'replace_ephoto', before: '0123456789', after: 'QC5XNFWZ9KTBSHQX2MUVQ3' },
      { id: 7, actorRole: 'systeme', action: 'deadline_started', before: null, after: null },
      { id: 8, actorRole: 'admin', action: 'staff_update', before: 'agent — préfecture 59', after: 'superviseur — préfecture 75' },
    ];
    expect(readEvents()).toMatchObject(expected);
    const view = db.$client.prepare('select id, actor_role, action, before, after from event_log order by id').all();
    expect(view).toEqual(expected.map((e) => ({ id: e.id, actor_role: e.actorRole, action: e.action, before: e.before, after: e.after })));
    // Each label once (0020), every event still named as it was.
    expect(db.$client.prepare('select actor_label, reason from event_log order by id').all()).toEqual([
      { actor_label: 'Camille Dubois', reason: 'JUSTIFICATIF_IDENTITE : floue' },
      { actor_label: 'Usager', reason: '' },
      { actor_label: 'Système', reason: 'le délai court' },
      { actor_label: 'Admin', reason: '' },
    ]);
    expect(db.$client.prepare('select label from actor_labels order by label').pluck().all()).toEqual([
      'Admin',
      'Camille Dubois',
      'Système',
      'Usager',
    ]);
    // The words became numbers; an e-photo number made of digits stays text.
    expect(db.$client.prepare('select action, typeof(before) as b from events where id = 2').get()).toEqual({
      action: STORED_EVENT_ACTIONS.replace_ephoto,
      b: 'text',
    });

    const next = db
      .insert(schema.events)
      .values({
        at: new Date(2000),
        actorRole: 'agent',
        actorLabelId: labelId('Camille Dubois'),
        action: 'take',
        before: 'deposee',
        after: 'en_examen',
      })
      .returning({ id: schema.events.id })
      .get();
    expect(next.id).toBe(9);
    expect(() => db.$client.prepare('delete from events where id = 1').run()).toThrow(/append-only/);
  });

  it('keeps any text that is not a status word as text, and finds events by action through Drizzle', () => {
    migrateDatabase(db);
    db.insert(schema.events)
      .values([
        {
          at: new Date(1),
          actorRole: 'usager',
          actorLabelId: labelId('Usager'),
          action: 'replace_ephoto',
          before: '42',
          after: '0000000000000000000001',
        },
        {
          at: new Date(2),
          actorRole: 'agent',
          actorLabelId: labelId('A'),
          action: 'complete',
          before: 'complement_recu',
          after: 'complete',
        },
      ])
      .run();
    const ephoto = db.select().from(schema.events).where(eq(schema.events.action, 'replace_ephoto')).all();
    expect(ephoto).toMatchObject([{ before: '42', after: '0000000000000000000001' }]);
    expect(readEvents().map((e) => [e.before, e.after])).toEqual([
      ['42', '0000000000000000000001'],
      ['complement_recu', 'complete'],
    ]);
    // A status word takes an integer's byte or two, not a real's eight.
    expect(db.$client.prepare('select typeof(before) as b, typeof(after) as a from events order by id').all()).toEqual([
      { b: 'text', a: 'text' },
      { b: 'integer', a: 'integer' },
    ]);
  });
});

describe('files stored with their type as an extension (migration 0016)', () => {
  it('reads the files written before the migration with their MIME type, and writes new ones as the extension', () => {
    migrateUpTo(15);
    const sqlite = db.$client;
    sqlite
      .prepare("insert into applicants (id, email, password_hash, must_reset_password, created_at) values (1, 'a@x.fr', 'x', 0, 0)")
      .run();
    sqlite.prepare("insert into dossiers (id, numero, status, applicant_id, created_at) values (1, null, 'brouillon', 1, 0)").run();
    sqlite.prepare("insert into pieces (id, dossier_id, code) values (1, 1, 'id')").run();
    const insertFile = sqlite.prepare(
      "insert into files (piece_id, sha256, size, detected_type, original_name, uploaded_at) values (1, randomblob(32), 1, ?, 'f', 0)",
    );
    for (const type of ['application/pdf', 'image/jpeg', 'image/png', 'image/bmp', 'image/tiff']) insertFile.run(type);

    migrateDatabase(db);

    const read = () => db.select({ type: schema.files.detectedType }).from(schema.files).orderBy(schema.files.id).all();
    expect(read().map((f) => f.type)).toEqual(['application/pdf', 'image/jpeg', 'image/png', 'image/bmp', 'image/tiff']);
    expect(sqlite.prepare('select detected_type from files order by id').pluck().all()).toEqual(['pdf', 'jpg', 'png', 'bmp', 'tiff']);
    db.insert(schema.files)
      .values({ pieceId: 1, sha256: 'ab'.repeat(32), size: 2, detectedType: 'image/png', originalName: 'g', uploadedAt: new Date(0) })
      .run();
    expect(read().at(-1)).toEqual({ type: 'image/png' });
    expect(sqlite.prepare('select detected_type from files order by id desc limit 1').pluck().get()).toBe('png');
  });
});

describe('complement requests stored with short piece codes', () => {
  it('reads the requests written before in their long form, and writes new ones short', () => {
    migrateDatabase(db);
    const sqlite = db.$client;
    sqlite.prepare("insert into staff_users (id, email, password_hash, role, full_name) values (1, 's@x.fr', 'x', 'agent', 'S')").run();
    sqlite
      .prepare("insert into applicants (id, email, password_hash, must_reset_password, created_at) values (1, 'a@x.fr', 'x', 0, 0)")
      .run();
    sqlite
      .prepare("insert into dossiers (id, numero, status, applicant_id, created_at) values (1, null, 'complement_demande', 1, 0)")
      .run();
    const flagged = [
      { code: 'JUSTIFICATIF_IDENTITE', reviewStatus: 'illisible', message: 'Le passeport est flou.' },
      { code: 'EPHOTO', reviewStatus: 'manquant', message: '' },
    ] as const;
    sqlite
      .prepare(
        'insert into complement_requests (dossier_id, requested_by_id, sent_at, deadline_at, requested_pieces) values (1, 1, 0, 0, ?)',
      )
      .run(JSON.stringify(flagged));
    db.insert(schema.complementRequests)
      .values({ dossierId: 1, requestedById: 1, sentAt: new Date(0), deadlineAt: new Date(0), requestedPieces: [...flagged] })
      .run();

    const read = db.select({ pieces: schema.complementRequests.requestedPieces }).from(schema.complementRequests).all();
    expect(read).toEqual([{ pieces: flagged }, { pieces: flagged }]);
    const stored = sqlite.prepare('select requested_pieces from complement_requests order by id desc limit 1').pluck().get() as string;
    expect(JSON.parse(stored)).toEqual([
      { c: 'id', s: 12, m: 'Le passeport est flou.' },
      { c: 'photo', s: 11, m: '' },
    ]);
    expect(stored.length).toBeLessThan(JSON.stringify(flagged).length / 2);
  });
});

describe('an upgrade', () => {
  it('measures the tables again once migrations ran on a database in use, not on a new one', () => {
    migrateDatabase(db);
    const stats = () => (db.$client.prepare("select count(*) from sqlite_master where name = 'sqlite_stat1'").pluck().get() as number) > 0;
    expect(stats()).toBe(false);

    db.$client.close();
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    db = openDatabase(join(dir, 'data'));
    migrateUpTo(22);
    const sqlite = db.$client;
    sqlite
      .prepare("insert into applicants (id, email, password_hash, must_reset_password, created_at) values (1, 'a@x.fr', 'x', 0, 0)")
      .run();
    sqlite
      .prepare(
        "insert into dossiers (id, status, prefecture_code, applicant_id, deposited_at, completed_at, created_at) values (?, 'complete', null, 1, 1, 2, 0)",
      )
      .run(1);
    migrateDatabase(db);
    // 0023's index of completions, new in this upgrade, has its statistics for the planner.
    expect(sqlite.prepare("select stat from sqlite_stat1 where idx = 'dossiers_scope_completed_idx'").pluck().get()).toBe('1 1 1 1 1');
  });
});
