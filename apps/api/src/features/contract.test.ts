import {
  applicantDossierSchema,
  applicantFileSchema,
  applicantIdentitySchema,
  assigneeSchema,
  bulkResultSchema,
  complementPreviewSchema,
  dashboardSchema,
  dossierEventSchema,
  dossierListItemSchema,
  dossierSchema,
  errorBodySchema,
  healthSchema,
  outboxEmailSchema,
  outboxEmailWithBodySchema,
  pieceSchema,
  prefectureSchema,
  provisionalPasswordSchema,
  staffCreatedSchema,
  staffIdentitySchema,
  staffRecordSchema,
  statisticsSchema,
  storedFileSchema,
  workqueueCountsSchema,
} from '@em/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, contractCalls, cookieOf, isTeleprocedureRoute, list, noContent, queryOf } from '../testing/contract-calls.js';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  deliverEmails,
  type Harness,
  PASSWORD,
  PDF_BYTES,
} from '../testing/harness.js';

/**
 * Every route of the API, called on real data, and each answer parsed with its schema from
 * @em/contract. The schemas are strict: a field added, renamed or dropped on either side fails here.
 */
let h: Harness;
let mine: ReturnType<typeof addDepositedDossier>;
let other: ReturnType<typeof addDepositedDossier>;

beforeAll(async () => {
  h = createHarness(new Date('2026-06-29T08:00:00Z'));
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  await addStaff(h.db, 'sup@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const neighbour = await addApplicant(h.db, 'voisin@x.fr');
  mine = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
  other = addDepositedDossier(h, '59', neighbour.id, 'MARTIN');
});
afterAll(() => h.close());

const { call, unchecked } = contractCalls(() => h);

describe('the response contract', () => {
  let agent: string;
  let supervisor: string;
  let usager: string;

  it('staff session and identity', async () => {
    await answer(await call('GET', '/api/health'), 200, healthSchema);
    const login = await call('POST', '/api/auth/login', {}, { json: { email: 'agent@59.fr', password: PASSWORD } });
    agent = await cookieOf(login);
    await answer(login, 200, staffIdentitySchema);
    await answer(await call('GET', '/api/auth/me', {}, { cookie: agent }), 200, staffIdentitySchema);
    const sup = await call('POST', '/api/auth/login', {}, { json: { email: 'sup@59.fr', password: PASSWORD } });
    supervisor = await cookieOf(sup);
    await answer(await call('GET', '/api/auth/me', {}, { cookie: 'em_console_session=nope' }), 401, errorBodySchema);
  });

  it('dossiers, pieces, files and the agent’s actions', async () => {
    const id = mine.dossier.id;
    const rows = await answer(
      await call('GET', '/api/dossiers', { query: queryOf('dossiers', {}) }, { cookie: agent }),
      200,
      list(dossierListItemSchema),
    );
    expect(rows).toHaveLength(2);
    const counts = await answer(
      await call(
        'GET',
        '/api/dossiers/counts',
        { query: `?filter=${encodeURIComponent(JSON.stringify({ q: 'diallo' }))}` },
        { cookie: agent },
      ),
      200,
      workqueueCountsSchema,
    );
    expect(counts).toMatchObject({ to_take: 1, all: 1 });
    await answer(await call('GET', '/api/dossiers/:id', { id }, { cookie: agent }), 200, dossierSchema);
    await answer(
      await call('POST', '/api/dossiers/:id/take', { id }, { cookie: agent, json: { reason: 'Je prends' } }),
      200,
      dossierSchema,
    );
    await answer(await call('POST', '/api/dossiers/:id/take', { id }, { cookie: agent }), 409, errorBodySchema);

    await answer(
      await call('GET', '/api/pieces', { query: queryOf('pieces', { filter: { dossier_id: id } }) }, { cookie: agent }),
      200,
      list(pieceSchema),
    );
    const identite = mine.pieceIds.JUSTIFICATIF_IDENTITE!;
    await answer(await call('GET', '/api/pieces/:id', { id: identite }, { cookie: agent }), 200, pieceSchema);
    const flag = { review_status: 'manquant', review_message: 'veuillez joindre un autre document' };
    await answer(await call('PUT', '/api/pieces/:id', { id: identite }, { cookie: agent, json: flag }), 200, pieceSchema);
    const ephoto = { review_status: 'non_conforme', review_message: 'numéro inconnu' };
    await answer(await call('PUT', '/api/pieces/:id', { id: mine.pieceIds.EPHOTO! }, { cookie: agent, json: ephoto }), 200, pieceSchema);
    await answer(
      await call('PUT', '/api/pieces/:id', { id: identite }, { cookie: agent, json: { review_status: 'peut-être' } }),
      400,
      errorBodySchema,
    );
    const received = new FormData();
    received.set('file', new File([PDF_BYTES], 'acte.pdf', { type: 'application/pdf' }));
    const receivedAtCounter = (day: string) =>
      call(
        'POST',
        '/api/pieces/:id/files',
        { id: mine.pieceIds.JUSTIFICATIF_DOMICILE!, query: `?received_via=guichet&received_on=${day}` },
        { cookie: agent, form: received },
      );
    const attached = await answer(await receivedAtCounter('2026-06-29'), 201, storedFileSchema);
    expect(attached).toMatchObject({ received_via: 'guichet', received_on: '2026-06-29', uploaded_by: 'agent' });
    // A day still to come (the harness's today is 29 June): refused.
    await answer(await receivedAtCounter('2026-07-01'), 400, errorBodySchema);

    await answer(
      await call('GET', '/api/dossiers/:id/complement-request/preview', { id }, { cookie: agent }),
      200,
      complementPreviewSchema,
    );
    await answer(await call('POST', '/api/dossiers/:id/complement-request', { id }, { cookie: agent }), 200, dossierSchema);

    const files = await answer(
      await call('GET', '/api/files', { query: queryOf('files', { filter: { dossier_id: id } }) }, { cookie: agent }),
      200,
      list(storedFileSchema),
    );
    await answer(await call('GET', '/api/files/:id', { id: files[0]!.id }, { cookie: agent }), 200, storedFileSchema);
    const content = await call('GET', '/api/files/:id/content', { id: files[0]!.id }, { cookie: agent });
    expect(content.headers.get('content-type')).toBe('application/pdf');

    const events = await answer(
      await call('GET', '/api/events', { query: queryOf('events', { filter: { dossier_id: id } }) }, { cookie: agent }),
      200,
      list(dossierEventSchema),
    );
    await answer(await call('GET', '/api/events/:id', { id: events[0]!.id }, { cookie: agent }), 200, dossierEventSchema);
    const emails = await answer(
      await call('GET', '/api/emails', { query: queryOf('emails', {}) }, { cookie: agent }),
      200,
      list(outboxEmailSchema),
    );
    await answer(await call('GET', '/api/emails/:id', { id: emails[0]!.id }, { cookie: agent }), 200, outboxEmailWithBodySchema);
    await answer(await call('GET', '/api/emails/:id', { id: 9999 }, { cookie: agent }), 404, errorBodySchema);
  });

  it('the applicant’s session, dossier, uploads and answer', async () => {
    const login = await call('POST', '/api/usager/auth/login', {}, { json: { email: 'usager@x.fr', password: PASSWORD } });
    usager = await cookieOf(login);
    await answer(login, 200, applicantIdentitySchema);
    await answer(await call('GET', '/api/usager/auth/me', {}, { cookie: usager }), 200, applicantIdentitySchema);
    const view = await answer(await call('GET', '/api/usager/dossier', {}, { cookie: usager }), 200, applicantDossierSchema);
    expect(view.pieces.filter((piece) => piece.flagged)).toHaveLength(2);

    const form = () => {
      const data = new FormData();
      data.set('file', new File([PDF_BYTES], 'acte.pdf', { type: 'application/pdf' }));
      return data;
    };
    const pieceId = mine.pieceIds.JUSTIFICATIF_IDENTITE!;
    const first = await answer(
      await call('POST', '/api/usager/pieces/:id/files', { id: pieceId }, { cookie: usager, form: form() }),
      201,
      applicantFileSchema,
    );
    await noContent(await call('DELETE', '/api/usager/files/:id', { id: first.id }, { cookie: usager }));
    const kept = await answer(
      await call('POST', '/api/usager/pieces/:id/files', { id: pieceId }, { cookie: usager, form: form() }),
      201,
      applicantFileSchema,
    );
    const content = await call('GET', '/api/usager/files/:id/content', { id: kept.id }, { cookie: usager });
    expect(content.headers.get('content-type')).toBe('application/pdf');
    const ephoto = { ephoto: 'ZYXWVUTSRQ9876543210AB' };
    await answer(await call('PUT', '/api/usager/dossier/ephoto', {}, { cookie: usager, json: ephoto }), 200, applicantDossierSchema);
    await answer(await call('DELETE', '/api/usager/dossier/ephoto', {}, { cookie: usager }), 200, applicantDossierSchema);
    await answer(await call('DELETE', '/api/usager/dossier/ephoto', {}, { cookie: usager }), 409, errorBodySchema);
    await answer(await call('PUT', '/api/usager/dossier/ephoto', {}, { cookie: usager, json: ephoto }), 200, applicantDossierSchema);
    await answer(await call('POST', '/api/usager/dossier/complements', {}, { cookie: usager }), 200, applicantDossierSchema);
    await answer(
      await call('POST', '/api/usager/pieces/:id/files', { id: pieceId }, { cookie: usager, form: form() }),
      409,
      errorBodySchema,
    );

    const password = { current: PASSWORD, password: 'Nouveau-Mot-2-passe!', confirmation: 'Nouveau-Mot-2-passe!' };
    await noContent(await call('POST', '/api/usager/auth/password', {}, { cookie: usager, json: password }));
    await noContent(await call('POST', '/api/usager/auth/logout', {}, { cookie: usager }));
  });

  it('declaring complete, closing an overdue file, the préfecture’s settings', async () => {
    for (const pieceId of Object.values(mine.pieceIds)) {
      await call('PUT', '/api/pieces/:id', { id: pieceId }, { cookie: agent, json: { review_status: 'conforme' } });
    }
    await answer(
      await call('POST', '/api/dossiers/:id/complete', { id: mine.dossier.id }, { cookie: agent, json: {} }),
      200,
      dossierSchema,
    );

    const id = other.dossier.id;
    await call('POST', '/api/dossiers/:id/take', { id }, { cookie: agent });
    await call(
      'PUT',
      '/api/pieces/:id',
      { id: other.pieceIds.JUSTIFICATIF_DOMICILE! },
      { cookie: agent, json: { review_status: 'illisible', review_message: 'flou' } },
    );
    await call('POST', '/api/dossiers/:id/complement-request', { id }, { cookie: agent });
    // Not delivered yet: the agent may correct the address and send the request again.
    await answer(
      await call(
        'GET',
        '/api/dossiers/:id/complement-request/resend/preview',
        { id, query: '?email=martin@example.org' },
        { cookie: agent },
      ),
      200,
      complementPreviewSchema,
    );
    await answer(
      await call('POST', '/api/dossiers/:id/complement-request/resend', { id }, { cookie: agent, json: { email: 'martin@example.org' } }),
      200,
      dossierSchema,
    );
    await deliverEmails(h);
    await answer(await call('POST', '/api/dossiers/:id/close', { id }, { cookie: agent }), 409, errorBodySchema);
    h.clock.set(new Date('2026-07-16T08:00:00Z'));
    // Sessions last 12 hours: a new day, a new login.
    agent = await cookieOf(await call('POST', '/api/auth/login', {}, { json: { email: 'agent@59.fr', password: PASSWORD } }));
    supervisor = await cookieOf(await call('POST', '/api/auth/login', {}, { json: { email: 'sup@59.fr', password: PASSWORD } }));
    const overdue = await answer(
      await call('GET', '/api/dossiers', { query: queryOf('dossiers', { filter: { queue: 'overdue' } }) }, { cookie: agent }),
      200,
      list(dossierListItemSchema),
    );
    expect(overdue.map((dossier) => dossier.id)).toEqual([id]);
    await answer(
      await call('POST', '/api/dossiers/:id/close', { id }, { cookie: agent, json: { reason: 'Sans réponse' } }),
      200,
      dossierSchema,
    );

    await answer(
      await call('GET', '/api/prefectures', { query: queryOf('prefectures', {}) }, { cookie: supervisor }),
      200,
      list(prefectureSchema),
    );
    await answer(await call('GET', '/api/prefectures/:code', { code: '59' }, { cookie: supervisor }), 200, prefectureSchema);
    const settings = { id: '59', code: '59', name: 'Préfecture du Nord', auto_close_expired: true };
    await answer(
      await call('PUT', '/api/prefectures/:code', { code: '59' }, { cookie: supervisor, json: settings }),
      200,
      prefectureSchema,
    );
    await answer(await call('POST', '/api/webhooks/resend', {}, { json: {} }), 503, errorBodySchema);
    await noContent(await call('POST', '/api/auth/logout', {}, { cookie: agent }));
  });

  it('the supervisor’s tools, staff administration and a staff password change', async () => {
    await answer(await call('GET', '/api/supervision/dashboard', {}, { cookie: supervisor }), 200, dashboardSchema);
    await answer(
      await call('GET', '/api/supervision/statistics', { query: '?from=2026-06-01&to=2026-07-16' }, { cookie: supervisor }),
      200,
      statisticsSchema,
    );
    const assignees = await answer(await call('GET', '/api/supervision/assignees', {}, { cookie: supervisor }), 200, list(assigneeSchema));
    const ids = [mine.dossier.id, other.dossier.id];
    await answer(
      await call('POST', '/api/supervision/assign', {}, { cookie: supervisor, json: { ids, assignee_id: assignees[0]!.id } }),
      200,
      bulkResultSchema,
    );
    await answer(await call('POST', '/api/supervision/close', {}, { cookie: supervisor, json: { ids } }), 200, bulkResultSchema);
    const csv = await call('GET', '/api/supervision/export', {}, { cookie: supervisor });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');

    const admin = await cookieOf(await call('POST', '/api/auth/login', {}, { json: { email: 'admin@x.fr', password: PASSWORD } }));
    const staff = await answer(
      await call('GET', '/api/staff', { query: queryOf('staff', {}) }, { cookie: admin }),
      200,
      list(staffRecordSchema),
    );
    await answer(await call('GET', '/api/staff/:id', { id: staff[0]!.id }, { cookie: admin }), 200, staffRecordSchema);
    const account = { email: 'nouveau@59.fr', full_name: 'Nouvel Agent', role: 'agent', prefecture_code: '59' };
    const created = await answer(await call('POST', '/api/staff', {}, { cookie: admin, json: account }), 201, staffCreatedSchema);
    await answer(
      await call('PUT', '/api/staff/:id', { id: created.id }, { cookie: admin, json: { ...created, role: 'superviseur' } }),
      200,
      staffRecordSchema,
    );
    const { provisional_password } = await answer(
      await call('POST', '/api/staff/:id/reset-password', { id: created.id }, { cookie: admin }),
      200,
      provisionalPasswordSchema,
    );
    const newcomer = await cookieOf(
      await call('POST', '/api/auth/login', {}, { json: { email: 'nouveau@59.fr', password: provisional_password } }),
    );
    const password = { password: 'Mon-Mot-de-passe-9', confirmation: 'Mon-Mot-de-passe-9' };
    await noContent(await call('POST', '/api/auth/password', {}, { cookie: newcomer, json: password }));
  });

  it('leaves no route of the API unchecked (the téléprocédure’s in contract-teleprocedure.test.ts)', () => {
    expect(unchecked((route) => !isTeleprocedureRoute(route))).toEqual([]);
  });
});
