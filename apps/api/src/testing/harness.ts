import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, FileStore, fileStorePath, hashPassword, migrateDatabase, openDatabase, schema } from '@em/db';
import { dossierSearchText, formatNumero, PIECE_CATALOGUE, type PieceCode, type StaffRole, type Status } from '@em/domain';
import { createLocalTransport, storedEmailContent, type TemplateName } from '@em/mail';
import { eq } from 'drizzle-orm';
import { createApp } from '../app.js';
import { recordEvent } from '../features/audit/record.js';
import { refreshImplicitDecision } from '../features/deadlines/implicit-decision.js';
import { dispatchDueEmails } from '../features/mail/dispatcher.js';

export const PASSWORD = 'Correct-Horse-9!';
/** The app's public origin (its PUBLIC_URL), which a browser's same-origin request carries. */
export const ORIGIN = 'http://localhost:3000';
export const PDF_BYTES: Uint8Array<ArrayBuffer> = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A real app on a real temporary SQLite file, with a clock the test moves by hand. */
export function createHarness(start = new Date('2026-03-02T09:00:00Z')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'em-api-'));
  const db = openDatabase(dataDir);
  migrateDatabase(db);
  const store = new FileStore(fileStorePath(dataDir));
  let current = start;
  const clock = {
    now: () => current,
    set: (date: Date) => {
      current = date;
    },
  };
  const app = createApp({
    db,
    store,
    now: clock.now,
    config: { publicUrl: ORIGIN, secureCookies: false, trustProxy: true },
  });
  return {
    app,
    db,
    store,
    clock,
    dataDir,
    close: () => {
      db.$client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type Harness = ReturnType<typeof createHarness>;

let passwordHash: Promise<string> | undefined;
const sharedHash = () => (passwordHash ??= hashPassword(PASSWORD));

export async function addStaff(db: Db, email: string, role: StaffRole, prefectureCode: string | null) {
  return db
    .insert(schema.staffUsers)
    .values({ email, role, prefectureCode, fullName: email.split('@')[0]!, passwordHash: await sharedHash() })
    .returning()
    .get();
}

export async function addApplicant(db: Db, email: string) {
  return db
    .insert(schema.applicants)
    .values({ email, passwordHash: await sharedHash(), mustResetPassword: false })
    .returning()
    .get();
}

/** Every département's préfecture exists after migrateDatabase; only staff with a préfecture are added by the tests. */
export function addPrefectures(_db: Db) {}

let sequence = 0;

/** A deposited dossier with every piece and one PDF on each file piece. */
export function addDepositedDossier(
  h: Harness,
  prefectureCode: string,
  applicantId: number,
  birthName: string,
  status: Status = 'deposee',
) {
  const depositedAt = h.clock.now();
  const numero = formatNumero(prefectureCode, depositedAt, ++sequence);
  const dossier = h.db
    .insert(schema.dossiers)
    .values({
      numero,
      status,
      prefectureCode,
      applicantId,
      depositedAt,
      birthName,
      firstNames: ['Amina'],
      sex: 'F',
      birthYear: 1990,
      birthCountry: 'Sénégal',
      birthPlace: 'Dakar',
      nationalities: ['sénégalaise'],
      addressStreet: 'Rue Nationale',
      postalCode: '59000',
      city: 'Lille',
      inseeCode: '59350',
      email: `${birthName.toLowerCase()}@example.org`,
      phone: '0102030405',
      entryDate: '2020-03-10',
      familySituation: 'celibataire',
      dependentChildren: false,
      attestNoPolygamy: true,
      attestPenalties: true,
      ephoto: 'ABCDEFGHIJ0123456789KL',
      searchText: dossierSearchText([birthName, 'amina'], numero),
    })
    .returning()
    .get();
  const { sha256, size } = h.store.put(PDF_BYTES);
  const pieceIds: Record<string, number> = {};
  const fileIds: number[] = [];
  for (const definition of PIECE_CATALOGUE) {
    const piece = h.db.insert(schema.pieces).values({ dossierId: dossier.id, code: definition.code }).returning().get();
    pieceIds[definition.code] = piece.id;
    if (definition.kind === 'files') {
      const file = h.db
        .insert(schema.files)
        .values({
          pieceId: piece.id,
          sha256,
          size,
          detectedType: 'application/pdf',
          originalName: `${definition.code.toLowerCase()}.pdf`,
          uploadedByApplicantId: applicantId,
          uploadedAt: depositedAt,
        })
        .returning()
        .get();
      fileIds.push(file.id);
    }
  }
  recordEvent(h.db, {
    actor: { type: 'applicant', id: applicantId },
    action: 'deposit',
    dossierId: dossier.id,
    at: depositedAt,
    before: 'brouillon',
    after: 'deposee',
  });
  refreshImplicitDecision(h.db, dossier.id);
  return { dossier, pieceIds, fileIds };
}

/** Logs in through the API and returns the Cookie header to send next. */
export async function login(h: Harness, email: string, password = PASSWORD, address?: string): Promise<string> {
  const response = await h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(address ? { 'X-Forwarded-For': address } : {}) },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Logs an applicant in on the portal's API and returns the Cookie header to send next. */
export async function applicantLogin(h: Harness, email: string, password = PASSWORD): Promise<string> {
  const response = await h.app.request('/api/usager/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`applicant login failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * The usual scene of the complement loop: préfectures 59 and 75, an agent of the Nord who flagged
 * the identity piece of an applicant's dossier and sent the request; both are logged in.
 */
export async function complementRequested(
  h: Harness,
  applicantEmail = 'moi@x.fr',
  birthName = 'DIALLO',
  flagged: PieceCode[] = ['JUSTIFICATIF_IDENTITE'],
) {
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  const applicant = await addApplicant(h.db, applicantEmail);
  const deposited = addDepositedDossier(h, '59', applicant.id, birthName);
  const agent = await login(h, 'agent@59.fr');
  await send(h, 'POST', `/api/dossiers/${deposited.dossier.id}/take`, agent);
  for (const code of flagged) {
    await send(h, 'PUT', `/api/pieces/${deposited.pieceIds[code]}`, agent, {
      review_status: 'illisible',
      review_message: 'document illisible',
    });
  }
  const request = await send(h, 'POST', `/api/dossiers/${deposited.dossier.id}/complement-request`, agent);
  if (request.status !== 200) throw new Error(`complement request failed: ${request.status} ${await request.text()}`);
  return { ...deposited, applicant, agent, usager: await applicantLogin(h, applicantEmail) };
}

/** « Ajouter un fichier » on the portal. */
export function uploadFile(h: Harness, cookie: string, pieceId: number, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'application/pdf' }));
  return h.app.request(`/api/usager/pieces/${pieceId}/files`, { method: 'POST', headers: { Cookie: cookie, Origin: ORIGIN }, body: form });
}

export function get(h: Harness, path: string, cookie?: string) {
  return h.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
}

export function listUrl(resource: string, params: { filter?: unknown; sort?: [string, string]; range?: [number, number] }) {
  const query = new URLSearchParams();
  if (params.filter) query.set('filter', JSON.stringify(params.filter));
  if (params.sort) query.set('sort', JSON.stringify(params.sort));
  if (params.range) query.set('range', JSON.stringify(params.range));
  return `/api/${resource}?${query}`;
}

export function send(h: Harness, method: string, path: string, cookie: string, body?: unknown) {
  return h.app.request(path, {
    method,
    headers: { Cookie: cookie, Origin: ORIGIN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function countRows(h: Harness, table: string, where = '1=1', ...params: unknown[]): number {
  return (h.db.$client.prepare(`select count(*) as n from ${table} where ${where}`).get(...params) as { n: number }).n;
}

/**
 * Puts a dossier in « Compléments demandés » as if a request had been sent at `sentAt`, its e-mail in
 * `emailStatus`; the running deadline is on the dossier only once the e-mail was sent (as the API does).
 */
export function addComplementRequest(
  h: Harness,
  dossierId: number,
  options: { sentAt: Date; deadlineAt: Date; emailStatus?: 'queued' | 'sent' | 'failed' | 'bounced'; answeredAt?: Date; late?: boolean },
) {
  const { sentAt, deadlineAt, emailStatus = 'sent', answeredAt } = options;
  const requestedBy = (h.db.$client.prepare('select id from staff_users order by id limit 1').get() as { id: number }).id;
  const request = h.db
    .insert(schema.complementRequests)
    .values({
      dossierId,
      requestedById: requestedBy,
      sentAt,
      deadlineAt,
      requestedPieces: [{ code: 'JUSTIFICATIF_IDENTITE', reviewStatus: 'manquant', message: 'veuillez joindre un autre document' }],
      answeredAt,
      answeredLate: options.late ?? false,
    })
    .returning()
    .get();
  h.db
    .insert(schema.outboxEmails)
    .values({
      dossierId,
      template: 'complement_request',
      to: 'usager@example.org',
      subject: 'Demande de pièces complémentaires',
      text: 't',
      html: 'h',
      status: emailStatus,
      nextAttemptAt: sentAt,
      createdAt: sentAt,
      sentAt: emailStatus === 'queued' ? null : sentAt,
    })
    .run();
  const running = emailStatus === 'sent' || emailStatus === 'bounced';
  h.db
    .update(schema.dossiers)
    .set(
      answeredAt
        ? { status: 'complement_recu', deadlineAt: null }
        : { status: 'complement_demande', deadlineAt: running ? deadlineAt : null },
    )
    .where(eq(schema.dossiers.id, dossierId))
    .run();
  refreshImplicitDecision(h.db, dossierId);
  return request;
}

/** Runs the dispatcher once at the harness's clock, as the server's job does: queued e-mails are accepted (local transport). */
export function deliverEmails(h: Harness) {
  return dispatchDueEmails(h.db, createLocalTransport(), { now: h.clock.now(), from: 'test@example.gouv.fr' });
}

/** An e-mail of the outbox (the first that `where` selects), its bodies rendered as the mailbox and the dispatcher read them. */
export function outboxEmail(h: Harness, where: string, ...params: unknown[]) {
  const row = h.db.$client
    .prepare(`select *, (select numero from dossiers where dossiers.id = dossier_id) as numero from outbox_emails where ${where}`)
    .get(...params) as
    | {
        template: TemplateName;
        to: string;
        subject: string;
        status: string;
        data: string | null;
        numero: string | null;
        text: string;
        html: string;
      }
    | undefined;
  return row && { ...row, ...storedEmailContent(row) };
}
