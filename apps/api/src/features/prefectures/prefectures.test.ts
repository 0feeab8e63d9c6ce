import { REFERENCE_PREFECTURES } from '@em/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addComplementRequest,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  get,
  type Harness,
  listUrl,
  login,
  send,
} from '../../testing/harness.js';

let h: Harness;
const c: Record<string, string> = {};
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  await addStaff(h.db, 'sup@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  for (const email of ['agent@59.fr', 'sup@59.fr', 'admin@x.fr']) c[email] = await login(h, email);
});
afterEach(() => h.close());

describe('préfecture settings', () => {
  it('lists only the own préfecture to its staff, all of them to the admin', async () => {
    const own = await get(h, listUrl('prefectures', { sort: ['id', 'ASC'], range: [0, 9] }), c['agent@59.fr']);
    expect(own.headers.get('content-range')).toBe('prefectures 0-0/1');
    expect(await own.json()).toEqual([{ id: '59', code: '59', name: 'Préfecture du Nord', auto_close_expired: false, closable_now: 0 }]);
    expect((await get(h, '/api/prefectures/75', c['agent@59.fr'])).status).toBe(404);
    const all = await get(h, listUrl('prefectures', { range: [0, 199] }), c['admin@x.fr']);
    expect(all.headers.get('content-range')).toBe(`prefectures 0-${REFERENCE_PREFECTURES.length - 1}/${REFERENCE_PREFECTURES.length}`);
    expect((await all.json()).map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['2A', '59', '75', '974']));
  });

  it('lets the supervisor switch on automatic closure, not an agent', async () => {
    const refused = await send(h, 'PUT', '/api/prefectures/59', c['agent@59.fr']!, { auto_close_expired: true });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/superviseur/);
    const bad = await send(h, 'PUT', '/api/prefectures/59', c['sup@59.fr']!, { auto_close_expired: 'oui' });
    expect(bad.status).toBe(400);
    const done = await send(h, 'PUT', '/api/prefectures/59', c['sup@59.fr']!, { auto_close_expired: true });
    expect(await done.json()).toMatchObject({ code: '59', auto_close_expired: true });
    expect((await send(h, 'PUT', '/api/prefectures/75', c['sup@59.fr']!, { auto_close_expired: true })).status).toBe(404);
  });

  it('says how many dossiers the automatic closure would close now: past their deadline, request delivered', async () => {
    const applicant = await addApplicant(h.db, 'usager@x.fr');
    const sentAt = new Date('2026-02-01T09:00:00Z');
    const past = new Date('2026-02-20T22:59:59Z');
    const due = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
    addComplementRequest(h, due.dossier.id, { sentAt, deadlineAt: past });
    const undelivered = addDepositedDossier(h, '59', applicant.id, 'MARTIN');
    addComplementRequest(h, undelivered.dossier.id, { sentAt, deadlineAt: past, emailStatus: 'failed' });
    const running = addDepositedDossier(h, '59', applicant.id, 'NDIAYE');
    addComplementRequest(h, running.dossier.id, { sentAt, deadlineAt: new Date('2026-03-20T22:59:59Z') });
    const elsewhere = addDepositedDossier(h, '75', applicant.id, 'KANE');
    addComplementRequest(h, elsewhere.dossier.id, { sentAt, deadlineAt: past });
    expect(await (await get(h, '/api/prefectures/59', c['sup@59.fr'])).json()).toMatchObject({ closable_now: 1 });
  });
});
