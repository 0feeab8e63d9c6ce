import { schema } from '@em/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  get,
  type Harness,
  listUrl,
  login,
  PDF_BYTES,
} from '../testing/harness.js';

/** Who sees what: every resource, every route, for an agent of 59, an agent of 75 and an admin. */
let h: Harness;
let nord: ReturnType<typeof addDepositedDossier>;
let paris: ReturnType<typeof addDepositedDossier>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  await addStaff(h.db, 'agent@75.fr', 'agent', '75');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  nord = addDepositedDossier(h, '59', applicant.id, 'LILLOIS');
  paris = addDepositedDossier(h, '75', applicant.id, 'PARISIEN');
  h.db
    .insert(schema.dossiers)
    .values({ status: 'brouillon', prefectureCode: '59', applicantId: applicant.id, birthName: 'BROUILLON' })
    .run();
  h.db
    .insert(schema.outboxEmails)
    .values({
      dossierId: paris.dossier.id,
      template: 'deposit',
      to: 'x@y.fr',
      subject: 's',
      text: 't',
      html: 'h',
      nextAttemptAt: new Date(),
      createdAt: new Date(),
    })
    .run();
  for (const email of ['agent@59.fr', 'agent@75.fr', 'admin@x.fr']) cookies[email] = await login(h, email);
});
afterAll(() => h.close());

const parisRoutes = () => {
  const pieceId = paris.pieceIds.JUSTIFICATIF_IDENTITE!;
  const fileId = paris.fileIds[0]!;
  const eventId = (h.db.$client.prepare('select id from events where dossier_id=?').get(paris.dossier.id) as { id: number }).id;
  const emailId = (h.db.$client.prepare('select id from outbox_emails where dossier_id=?').get(paris.dossier.id) as { id: number }).id;
  return [
    `/api/dossiers/${paris.dossier.id}`,
    `/api/pieces/${pieceId}`,
    `/api/files/${fileId}`,
    `/api/files/${fileId}/content`,
    `/api/events/${eventId}`,
    `/api/emails/${emailId}`,
  ];
};

describe('préfecture isolation', () => {
  it('answers 404 to an agent of 59 on every route of a dossier of 75, and 200 to its own agent', async () => {
    for (const route of parisRoutes()) {
      const foreign = await get(h, route, cookies['agent@59.fr']);
      expect(foreign.status, route).toBe(404);
      expect((await foreign.json()).message, route).toMatch(/introuvable/);
      expect((await get(h, route, cookies['agent@75.fr'])).status, route).toBe(200);
    }
  });

  it('never lists nor counts another préfecture’s records, even when asked by id', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['dossiers', {}],
      ['dossiers', { id: [nord.dossier.id, paris.dossier.id] }],
      ['pieces', { dossier_id: paris.dossier.id }],
      ['files', { dossier_id: paris.dossier.id }],
      ['files', { id: paris.fileIds }],
      ['events', { dossier_id: paris.dossier.id }],
      ['emails', { dossier_id: paris.dossier.id }],
    ];
    for (const [resource, filter] of cases) {
      const response = await get(h, listUrl(resource, { filter }), cookies['agent@59.fr']);
      const rows = (await response.json()) as { dossier_id?: number; id: number }[];
      expect(
        rows.every((row) => (row.dossier_id ?? row.id) !== paris.dossier.id),
        resource,
      ).toBe(true);
      const total = Number(response.headers.get('content-range')!.split('/')[1]);
      expect(total, `${resource} ${JSON.stringify(filter)}`).toBe(rows.length);
    }
    const own = await get(h, listUrl('dossiers', {}), cookies['agent@59.fr']);
    expect(own.headers.get('content-range')).toBe('dossiers 0-0/1');
  });

  it('hides drafts from every staff member, and shows the admin both préfectures', async () => {
    const admin = await get(h, listUrl('dossiers', { sort: ['birth_name', 'ASC'] }), cookies['admin@x.fr']);
    expect(((await admin.json()) as { birth_name: string }[]).map((d) => d.birth_name)).toEqual(['LILLOIS', 'PARISIEN']);
  });

  it('answers 401 on every resource without a session', async () => {
    for (const route of [...parisRoutes(), '/api/dossiers', '/api/pieces', '/api/files', '/api/events', '/api/emails']) {
      expect((await get(h, route)).status, route).toBe(401);
    }
  });
});

describe('references and file content for the own préfecture', () => {
  it('lists the pieces of a dossier in catalogue order, with labels and file counts', async () => {
    const response = await get(h, listUrl('pieces', { filter: { dossier_id: nord.dossier.id } }), cookies['agent@59.fr']);
    expect(response.headers.get('content-range')).toBe('pieces 0-5/6');
    const rows = (await response.json()) as Record<string, unknown>[];
    expect(rows.map((p) => p.code)).toEqual([
      'EPHOTO',
      'JUSTIFICATIF_NATIONALITE',
      'JUSTIFICATIF_IDENTITE',
      'JUSTIFICATIF_ENTREE_REGULIERE',
      'JUSTIFICATIF_DOMICILE',
      'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    ]);
    expect(rows[2]).toMatchObject({ label: 'Justificatif d’identité', required: true, review_status: 'a_verifier', file_count: 1 });
  });

  it('lists the files of a piece and serves their content inline with the detected type', async () => {
    const pieceId = nord.pieceIds.JUSTIFICATIF_DOMICILE!;
    const listed = (await (await get(h, listUrl('files', { filter: { piece_id: pieceId } }), cookies['agent@59.fr'])).json()) as Record<
      string,
      any
    >[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      piece_id: pieceId,
      detected_type: 'application/pdf',
      uploaded_by: 'usager',
      original_name: 'justificatif_domicile.pdf',
    });
    const content = await get(h, listed[0]!.url, cookies['agent@59.fr']);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(content.headers.get('content-disposition')).toMatch(/^inline/);
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it('lists the events of a dossier', async () => {
    const response = await get(
      h,
      listUrl('events', { filter: { dossier_id: nord.dossier.id }, sort: ['at', 'DESC'] }),
      cookies['agent@59.fr'],
    );
    expect(await response.json()).toMatchObject([{ action: 'deposit', before: 'brouillon', after: 'deposee', actor_role: 'usager' }]);
  });

  it('refuses to rewrite the audit log, at the database level', () => {
    expect(() => h.db.$client.prepare("update events set action='x'").run()).toThrow(/append-only/);
    expect(() => h.db.$client.prepare('delete from events').run()).toThrow(/append-only/);
  });

  it('answers /api/health', async () => {
    expect(await (await get(h, '/api/health')).json()).toEqual({ status: 'ok' });
    expect((await get(h, '/api/nothing-here')).status).toBe(404);
  });
});
