import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addComplementRequest,
  addDepositedDossier,
  addStaff,
  applicantLogin,
  createHarness,
  type Harness,
  login,
  ORIGIN,
  PDF_BYTES,
} from '../testing/harness.js';
import { fillDraft } from './demande/testing.js';

/**
 * Every route of the app (read from `app.routes`, so a new route cannot escape) × every kind of
 * caller, against the status each must get. Each request runs inside a savepoint rolled back
 * afterwards: every cell starts from the same data.
 */
const CALLERS = ['anonyme', 'usager', 'agent 59', 'agent 75', 'superviseur 59', 'admin'] as const;
type Expected = [anonyme: number, usager: number, agent59: number, agent75: number, superviseur59: number, admin: number];
type Ids = Awaited<ReturnType<typeof scene>>;
type Entry = { path: (ids: Ids) => string; body?: (ids: Ids) => unknown; upload?: true; expect: Expected };

const D = (ids: Ids) => ids.deposited;
const TABLE: Record<string, Entry> = {
  'GET /api/health': { path: () => '/api/health', expect: [200, 200, 200, 200, 200, 200] },
  'POST /api/auth/login': { path: () => '/api/auth/login', body: () => ({}), expect: [400, 400, 400, 400, 400, 400] },
  'POST /api/auth/logout': { path: () => '/api/auth/logout', expect: [204, 204, 204, 204, 204, 204] },
  'GET /api/auth/me': { path: () => '/api/auth/me', expect: [401, 401, 200, 200, 200, 200] },
  'POST /api/auth/password': { path: () => '/api/auth/password', body: () => ({}), expect: [401, 401, 400, 400, 400, 400] },
  'GET /api/dossiers': { path: () => '/api/dossiers', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/dossiers/counts': { path: () => '/api/dossiers/counts', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/dossiers/:id': { path: (i) => `/api/dossiers/${D(i)}`, expect: [401, 401, 200, 404, 200, 200] },
  'POST /api/dossiers/:id/take': { path: (i) => `/api/dossiers/${i.fresh}/take`, body: () => ({}), expect: [401, 401, 200, 404, 200, 403] },
  'POST /api/dossiers/:id/close': {
    path: (i) => `/api/dossiers/${i.overdue}/close`,
    body: () => ({}),
    expect: [401, 401, 200, 404, 200, 403],
  },
  'POST /api/dossiers/:id/complement-request': {
    path: (i) => `/api/dossiers/${i.flagged}/complement-request`,
    body: () => ({}),
    expect: [401, 401, 200, 404, 200, 403],
  },
  'GET /api/dossiers/:id/complement-request/preview': {
    path: (i) => `/api/dossiers/${i.flagged}/complement-request/preview`,
    expect: [401, 401, 200, 404, 200, 200],
  },
  'POST /api/dossiers/:id/complement-request/resend': {
    path: (i) => `/api/dossiers/${i.awaiting}/complement-request/resend`,
    body: () => ({ email: 'nouvelle.adresse@x.fr' }),
    expect: [401, 401, 200, 404, 200, 403],
  },
  'GET /api/dossiers/:id/complement-request/resend/preview': {
    path: (i) => `/api/dossiers/${i.awaiting}/complement-request/resend/preview?email=nouvelle.adresse%40x.fr`,
    expect: [401, 401, 200, 404, 200, 200],
  },
  'POST /api/dossiers/:id/complete': {
    path: (i) => `/api/dossiers/${i.conform}/complete`,
    body: () => ({}),
    expect: [401, 401, 200, 404, 200, 403],
  },
  'GET /api/emails': { path: () => '/api/emails', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/emails/:id': { path: (i) => `/api/emails/${i.email}`, expect: [401, 401, 200, 404, 200, 200] },
  'GET /api/events': { path: () => '/api/events', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/events/:id': { path: (i) => `/api/events/${i.event}`, expect: [401, 401, 200, 404, 200, 200] },
  'GET /api/files': { path: () => '/api/files', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/files/:id': { path: (i) => `/api/files/${i.file}`, expect: [401, 401, 200, 404, 200, 200] },
  'GET /api/files/:id/content': { path: (i) => `/api/files/${i.file}/content`, expect: [401, 401, 200, 404, 200, 200] },
  'GET /api/pieces': { path: () => '/api/pieces', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/pieces/:id': { path: (i) => `/api/pieces/${i.piece}`, expect: [401, 401, 200, 404, 200, 200] },
  'PUT /api/pieces/:id': {
    path: (i) => `/api/pieces/${i.examinedPiece}`,
    body: () => ({ review_status: 'conforme', review_message: '' }),
    expect: [401, 401, 200, 404, 200, 403],
  },
  'POST /api/pieces/:id/files': {
    path: (i) => `/api/pieces/${i.examinedPiece}/files?received_via=guichet&received_on=2026-03-02`,
    upload: true,
    expect: [401, 401, 201, 404, 201, 403],
  },
  'GET /api/prefectures': { path: () => '/api/prefectures', expect: [401, 401, 200, 200, 200, 200] },
  'GET /api/prefectures/:code': { path: () => '/api/prefectures/59', expect: [401, 401, 200, 404, 200, 200] },
  'PUT /api/prefectures/:code': {
    path: () => '/api/prefectures/59',
    body: () => ({ name: 'Préfecture du Nord (renommée)' }),
    expect: [401, 401, 403, 404, 403, 200],
  },
  'GET /api/staff': { path: () => '/api/staff', expect: [401, 401, 403, 403, 403, 200] },
  'POST /api/staff': {
    path: () => '/api/staff',
    body: () => ({ email: 'nouvel.agent@59.fr', full_name: 'Nouvel Agent', role: 'agent', prefecture_code: '59' }),
    expect: [401, 401, 403, 403, 403, 201],
  },
  'GET /api/staff/:id': { path: (i) => `/api/staff/${i.agent}`, expect: [401, 401, 403, 403, 403, 200] },
  'PUT /api/staff/:id': {
    path: (i) => `/api/staff/${i.agent}`,
    body: () => ({ full_name: 'Agent Renommé' }),
    expect: [401, 401, 403, 403, 403, 200],
  },
  'POST /api/staff/:id/reset-password': { path: (i) => `/api/staff/${i.agent}/reset-password`, expect: [401, 401, 403, 403, 403, 200] },
  'POST /api/supervision/assign': {
    path: () => '/api/supervision/assign',
    body: (i) => ({ ids: [D(i)], assignee_id: i.agent }),
    expect: [401, 401, 403, 403, 200, 403],
  },
  'GET /api/supervision/assignees': { path: () => '/api/supervision/assignees', expect: [401, 401, 403, 403, 200, 403] },
  'POST /api/supervision/close': {
    path: () => '/api/supervision/close',
    body: (i) => ({ ids: [i.overdue] }),
    expect: [401, 401, 403, 403, 200, 403],
  },
  'GET /api/supervision/dashboard': { path: () => '/api/supervision/dashboard', expect: [401, 401, 403, 403, 200, 200] },
  'GET /api/supervision/export': { path: () => '/api/supervision/export', expect: [401, 401, 403, 403, 200, 200] },
  'GET /api/supervision/statistics': {
    path: () => '/api/supervision/statistics?from=2026-01-01&to=2026-03-31',
    expect: [401, 401, 403, 403, 200, 200],
  },
  'POST /api/usager/auth/login': { path: () => '/api/usager/auth/login', body: () => ({}), expect: [400, 400, 400, 400, 400, 400] },
  'POST /api/usager/auth/logout': { path: () => '/api/usager/auth/logout', expect: [204, 204, 204, 204, 204, 204] },
  'GET /api/usager/auth/me': { path: () => '/api/usager/auth/me', expect: [401, 200, 401, 401, 401, 401] },
  'POST /api/usager/auth/password': { path: () => '/api/usager/auth/password', body: () => ({}), expect: [401, 400, 401, 401, 401, 401] },
  'GET /api/usager/communes': { path: () => '/api/usager/communes?q=lille', expect: [401, 200, 401, 401, 401, 401] },
  'POST /api/usager/compte': { path: () => '/api/usager/compte', body: () => ({}), expect: [400, 400, 400, 400, 400, 400] },
  'POST /api/usager/compte/mot-de-passe-oublie': {
    path: () => '/api/usager/compte/mot-de-passe-oublie',
    body: () => ({}),
    expect: [400, 400, 400, 400, 400, 400],
  },
  'POST /api/usager/compte/nouveau-mot-de-passe': {
    path: () => '/api/usager/compte/nouveau-mot-de-passe',
    body: () => ({}),
    expect: [400, 400, 400, 400, 400, 400],
  },
  'POST /api/usager/demandes': {
    path: () => '/api/usager/demandes',
    body: () => ({ situation: 'etranger_malade' }),
    expect: [401, 409, 401, 401, 401, 401],
  },
  'GET /api/usager/demandes/:id': { path: (i) => `/api/usager/demandes/${i.draft}`, expect: [401, 200, 401, 401, 401, 401] },
  'POST /api/usager/demandes/:id/abandon': {
    path: (i) => `/api/usager/demandes/${i.draft}/abandon`,
    expect: [401, 200, 401, 401, 401, 401],
  },
  'POST /api/usager/demandes/:id/depot': {
    path: (i) => `/api/usager/demandes/${i.draft}/depot`,
    body: () => ({ observations: '' }),
    expect: [401, 409, 401, 401, 401, 401],
  },
  'DELETE /api/usager/demandes/:id/fichiers/:fileId': {
    path: (i) => `/api/usager/demandes/${i.draft}/fichiers/${i.draftFile}`,
    expect: [401, 204, 401, 401, 401, 401],
  },
  'PUT /api/usager/demandes/:id/informations-personnelles': {
    path: (i) => `/api/usager/demandes/${i.draft}/informations-personnelles`,
    body: () => ({}),
    expect: [401, 400, 401, 401, 401, 401],
  },
  'PUT /api/usager/demandes/:id/justificatifs': {
    path: (i) => `/api/usager/demandes/${i.draft}/justificatifs`,
    body: () => ({ ephoto: 'ABCDEFGHIJ0123456789KL' }),
    expect: [401, 409, 401, 401, 401, 401],
  },
  'PUT /api/usager/demandes/:id/motif': {
    path: (i) => `/api/usager/demandes/${i.draft}/motif`,
    body: () => ({}),
    expect: [401, 400, 401, 401, 401, 401],
  },
  'POST /api/usager/demandes/:id/pieces/:code/fichiers': {
    path: (i) => `/api/usager/demandes/${i.draft}/pieces/JUSTIFICATIF_DOMICILE/fichiers`,
    upload: true,
    expect: [401, 201, 401, 401, 401, 401],
  },
  'GET /api/usager/demandes/:id/recu': { path: (i) => `/api/usager/demandes/${D(i)}/recu`, expect: [401, 200, 401, 401, 401, 401] },
  'GET /api/usager/demandes/brouillon': { path: () => '/api/usager/demandes/brouillon', expect: [401, 404, 401, 401, 401, 401] },
  'GET /api/usager/dossier': { path: () => '/api/usager/dossier', expect: [401, 200, 401, 401, 401, 401] },
  'POST /api/usager/dossier/complements': { path: () => '/api/usager/dossier/complements', expect: [401, 200, 401, 401, 401, 401] },
  'PUT /api/usager/dossier/ephoto': {
    path: () => '/api/usager/dossier/ephoto',
    body: () => ({ ephoto: 'ABCDEFGHIJ0123456789KL' }),
    expect: [401, 409, 401, 401, 401, 401],
  },
  'DELETE /api/usager/dossier/ephoto': { path: () => '/api/usager/dossier/ephoto', expect: [401, 409, 401, 401, 401, 401] },
  'DELETE /api/usager/files/:id': { path: (i) => `/api/usager/files/${i.complementFile}`, expect: [401, 204, 401, 401, 401, 401] },
  'GET /api/usager/files/:id/content': { path: (i) => `/api/usager/files/${i.file}/content`, expect: [401, 200, 401, 401, 401, 401] },
  'POST /api/usager/pieces/:id/files': {
    path: (i) => `/api/usager/pieces/${i.requestedPiece}/files`,
    upload: true,
    expect: [401, 201, 401, 401, 401, 401],
  },
  'POST /api/webhooks/resend': { path: () => '/api/webhooks/resend', body: () => ({}), expect: [503, 503, 503, 503, 503, 503] },
};

let h: Harness;
let ids: Ids;
const cookies: Partial<Record<(typeof CALLERS)[number], string>> = {};

async function scene(h: Harness) {
  const agent = (await addStaff(h.db, 'agent@59.fr', 'agent', '59')).id;
  await addStaff(h.db, 'agent@75.fr', 'agent', '75');
  await addStaff(h.db, 'superviseur@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const other = await addApplicant(h.db, 'autre@x.fr');
  const cookie = await applicantLogin(h, 'usager@x.fr');
  // The applicant's draft first, then their deposited dossier (their latest): both are theirs.
  const draft = await fillDraft(h, cookie, 3);
  const form = new FormData();
  form.set('file', new File([PDF_BYTES], 'acte.pdf'));
  const uploaded = await h.app.request(`/api/usager/demandes/${draft}/pieces/JUSTIFICATIF_IDENTITE/fichiers`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
  const draftFile = ((await uploaded.json()) as { id: number }).id;
  const row = (sql: string, ...params: unknown[]) => h.db.$client.prepare(sql).get(...params) as { id: number };
  const deposited = addDepositedDossier(h, '59', applicant.id, 'DEPOSE');
  // Other dossiers of the Nord, each in the state its action needs; the applicant's own stays the latest.
  const { dossier: overdueDossier } = addDepositedDossier(h, '59', other.id, 'ECHU', 'complement_demande');
  addComplementRequest(h, overdueDossier.id, { sentAt: new Date('2026-02-01T09:00:00Z'), deadlineAt: new Date('2026-02-16T23:00:00Z') });
  const awaiting = addDepositedDossier(h, '59', other.id, 'ATTENTE', 'complement_demande').dossier.id;
  addComplementRequest(h, awaiting, {
    sentAt: new Date('2026-03-01T09:00:00Z'),
    deadlineAt: new Date('2026-03-16T23:00:00Z'),
    emailStatus: 'failed',
  });
  const flagged = addDepositedDossier(h, '59', other.id, 'SIGNALE', 'en_examen');
  h.db.$client.prepare('update dossiers set assignee_id = ? where id = ?').run(agent, flagged.dossier.id);
  h.db.$client
    .prepare("update pieces set review_status = 'illisible', review_message = 'illisible' where id = ?")
    .run(flagged.pieceIds.JUSTIFICATIF_IDENTITE);
  const fresh = addDepositedDossier(h, '59', other.id, 'A_PRENDRE').dossier.id;
  const conform = addDepositedDossier(h, '59', other.id, 'CONFORME', 'en_examen').dossier.id;
  h.db.$client.prepare('update dossiers set assignee_id = ? where id = ?').run(agent, conform);
  h.db.$client.prepare("update pieces set review_status = 'conforme' where dossier_id = ?").run(conform);
  // The applicant's dossier now awaits a complement, with one file already sent in answer.
  const request = addComplementRequest(h, deposited.dossier.id, {
    sentAt: new Date('2026-03-01T09:00:00Z'),
    deadlineAt: new Date('2026-03-16T23:00:00Z'),
  });
  const requestedPiece = deposited.pieceIds.JUSTIFICATIF_IDENTITE!;
  const complementFile = h.db.$client
    .prepare(
      "insert into files (piece_id, sha256, size, detected_type, original_name, uploaded_by_applicant_id, uploaded_at, complement_request_id) select piece_id, sha256, size, detected_type, 'nouveau.pdf', ?, uploaded_at, ? from files where piece_id = ?",
    )
    .run(applicant.id, request.id, requestedPiece).lastInsertRowid as number;
  const event = row('select id from events where dossier_id = ?', deposited.dossier.id).id;
  const email = row('select id from outbox_emails where dossier_id = ?', deposited.dossier.id).id;
  return {
    agent,
    draft,
    draftFile,
    deposited: deposited.dossier.id,
    overdue: overdueDossier.id,
    awaiting,
    flagged: flagged.dossier.id,
    conform,
    fresh,
    piece: deposited.pieceIds.JUSTIFICATIF_DOMICILE!,
    examinedPiece: flagged.pieceIds.JUSTIFICATIF_DOMICILE!,
    file: deposited.fileIds[0]!,
    requestedPiece,
    complementFile,
    event,
    email,
  };
}

beforeAll(async () => {
  h = createHarness();
  ids = await scene(h);
  cookies.usager = await applicantLogin(h, 'usager@x.fr');
  cookies['agent 59'] = await login(h, 'agent@59.fr');
  cookies['agent 75'] = await login(h, 'agent@75.fr');
  cookies['superviseur 59'] = await login(h, 'superviseur@59.fr');
  cookies.admin = await login(h, 'admin@x.fr');
});
afterAll(() => h.close());

const appRoutes = () => [
  ...new Set(h.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`)),
];

async function call(method: string, entry: Entry, cookie: string | undefined) {
  const headers: Record<string, string> = { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) };
  let body: BodyInit | undefined;
  if (entry.upload) {
    const form = new FormData();
    form.set('file', new File([PDF_BYTES], 'piece.pdf'));
    body = form;
  } else if (entry.body) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(entry.body(ids));
  }
  h.db.$client.exec('SAVEPOINT permission_cell');
  try {
    return (await h.app.request(entry.path(ids), { method, headers, body })).status;
  } finally {
    h.db.$client.exec('ROLLBACK TO permission_cell; RELEASE permission_cell');
  }
}

describe('every route × every caller', () => {
  it('has an entry for every route of the app, and none for a route that is gone', () => {
    const routes = appRoutes();
    expect(
      routes.filter((route) => !(route in TABLE)),
      'routes without an expected status',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((key) => !routes.includes(key)),
      'entries without a route',
    ).toEqual([]);
  });

  for (const [key, entry] of Object.entries(TABLE)) {
    it(key, async () => {
      const method = key.split(' ')[0]!;
      const actual: number[] = [];
      for (const caller of CALLERS) actual.push(await call(method, entry, caller === 'anonyme' ? undefined : cookies[caller]));
      expect(Object.fromEntries(CALLERS.map((caller, i) => [caller, actual[i]]))).toEqual(
        Object.fromEntries(CALLERS.map((caller, i) => [caller, entry.expect[i]])),
      );
    });
  }
});
