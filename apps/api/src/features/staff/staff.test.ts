import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPrefectures, addStaff, countRows, createHarness, get, type Harness, login, send } from '../../testing/harness.js';

let h: Harness;
const c: Record<string, string> = {};
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  await addStaff(h.db, 'sup@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  for (const email of ['admin@x.fr', 'sup@59.fr', 'agent@59.fr']) c[email] = await login(h, email);
});
afterEach(() => h.close());

const create = (body: Record<string, unknown>) => send(h, 'POST', '/api/staff', c['admin@x.fr']!, body);
const NEW_AGENT = { email: 'Nouvel.Agent@59.fr', full_name: 'Nouvel Agent', role: 'agent', prefecture_code: '59' };

async function createdAgent() {
  const response = await create(NEW_AGENT);
  expect(response.status).toBe(201);
  return response.json();
}

describe('staff accounts, administered by the national admin', () => {
  it('creates an account with a provisional password to replace at the first login', async () => {
    const created = await createdAgent();
    expect(created).toMatchObject({
      email: 'nouvel.agent@59.fr',
      role: 'agent',
      prefecture_code: '59',
      active: true,
      must_change_password: true,
    });
    expect(created.provisional_password).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect(countRows(h, 'event_log', "action='staff_create' and dossier_id is null and reason='nouvel.agent@59.fr'")).toBe(1);

    const cookie = await login(h, 'nouvel.agent@59.fr', created.provisional_password);
    expect(await (await get(h, '/api/auth/me', cookie)).json()).toMatchObject({ must_change_password: true });
    const blocked = await get(h, '/api/dossiers', cookie);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).message).toBe('Vous devez d’abord remplacer votre mot de passe provisoire.');

    const weak = await send(h, 'POST', '/api/auth/password', cookie, { password: 'court', confirmation: 'court' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).message).toMatch(/au moins 8 caractères/);
    const mismatch = await send(h, 'POST', '/api/auth/password', cookie, { password: 'Nouveau-Mot-2!', confirmation: 'Nouveau-Mot-3!' });
    expect(mismatch.status).toBe(400);
    expect(
      (await send(h, 'POST', '/api/auth/password', cookie, { password: 'Nouveau-Mot-2!', confirmation: 'Nouveau-Mot-2!' })).status,
    ).toBe(204);
    expect((await get(h, '/api/dossiers', cookie)).status).toBe(200);
    expect((await login(h, 'nouvel.agent@59.fr', 'Nouveau-Mot-2!')).length).toBeGreaterThan(0);
  });

  it('refuses a duplicate address (409), a missing or unknown préfecture and a bad role (400)', async () => {
    await createdAgent();
    const duplicate = await create(NEW_AGENT);
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).message).toMatch(/existe déjà/);
    for (const [body, message] of [
      [{ ...NEW_AGENT, email: 'a@59.fr', prefecture_code: null }, /rattaché à une préfecture/],
      [{ ...NEW_AGENT, email: 'b@59.fr', prefecture_code: '99' }, /Préfecture « 99 » inconnue/],
      [{ ...NEW_AGENT, email: 'c@59.fr', role: 'chef' }, /Rôle invalide/],
      [{ ...NEW_AGENT, email: 'pas-une-adresse' }, /Adresse électronique invalide/],
    ] as const) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
  });

  it('changes role and préfecture, audited; a national admin has no préfecture', async () => {
    const created = await createdAgent();
    const moved = await send(h, 'PUT', `/api/staff/${created.id}`, c['admin@x.fr']!, {
      ...created,
      role: 'superviseur',
      prefecture_code: '75',
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ role: 'superviseur', prefecture_code: '75' });
    expect(
      countRows(h, 'event_log', "action='staff_update' and before='agent — préfecture 59' and after='superviseur — préfecture 75'"),
    ).toBe(1);
    const admin = await send(h, 'PUT', `/api/staff/${created.id}`, c['admin@x.fr']!, { role: 'admin' });
    expect(await admin.json()).toMatchObject({ role: 'admin', prefecture_code: null });
  });

  it('deactivates an account: its open sessions end at once and it can no longer log in', async () => {
    const agentId = (h.db.$client.prepare("select id from staff_users where email='agent@59.fr'").get() as { id: number }).id;
    expect((await get(h, '/api/dossiers', c['agent@59.fr'])).status).toBe(200);
    const response = await send(h, 'PUT', `/api/staff/${agentId}`, c['admin@x.fr']!, { active: false });
    expect(await response.json()).toMatchObject({ active: false, deactivated_at: h.clock.now().toISOString() });
    expect((await get(h, '/api/dossiers', c['agent@59.fr'])).status).toBe(401);
    await expect(login(h, 'agent@59.fr')).rejects.toThrow(/401/);
    expect(countRows(h, 'event_log', "action='staff_deactivate' and reason='agent@59.fr'")).toBe(1);
    await send(h, 'PUT', `/api/staff/${agentId}`, c['admin@x.fr']!, { active: true });
    expect((await get(h, '/api/dossiers', await login(h, 'agent@59.fr'))).status).toBe(200);
  });

  it('resets a password: the old one stops working, sessions end, a change is required', async () => {
    const agentId = (h.db.$client.prepare("select id from staff_users where email='agent@59.fr'").get() as { id: number }).id;
    const response = await send(h, 'POST', `/api/staff/${agentId}/reset-password`, c['admin@x.fr']!);
    const { provisional_password } = await response.json();
    expect((await get(h, '/api/dossiers', c['agent@59.fr'])).status).toBe(401);
    await expect(login(h, 'agent@59.fr')).rejects.toThrow(/401/);
    const cookie = await login(h, 'agent@59.fr', provisional_password);
    expect((await get(h, '/api/dossiers', cookie)).status).toBe(403);
    expect(countRows(h, 'event_log', "action='staff_password_reset'")).toBe(1);
  });

  it('keeps the admin from locking themselves out (409)', async () => {
    const adminId = (h.db.$client.prepare("select id from staff_users where email='admin@x.fr'").get() as { id: number }).id;
    for (const body of [{ active: false }, { role: 'agent', prefecture_code: '59' }]) {
      const response = await send(h, 'PUT', `/api/staff/${adminId}`, c['admin@x.fr']!, body);
      expect(response.status).toBe(409);
    }
  });

  it('is out of reach of agents and supervisors (403) and answers 404 for an unknown account', async () => {
    for (const email of ['agent@59.fr', 'sup@59.fr']) {
      for (const [method, path] of [
        ['GET', '/api/staff'],
        ['GET', '/api/staff/1'],
        ['POST', '/api/staff'],
        ['PUT', '/api/staff/1'],
        ['POST', '/api/staff/1/reset-password'],
      ] as const) {
        const response = await send(h, method, path, c[email]!, method === 'GET' ? undefined : NEW_AGENT);
        expect(response.status, `${email} ${method} ${path}`).toBe(403);
      }
    }
    expect((await get(h, '/api/staff/999', c['admin@x.fr'])).status).toBe(404);
    expect(countRows(h, 'staff_users')).toBe(3);
  });
});

describe('préfectures', () => {
  it('are those of every département, renamed by the admin only', async () => {
    const corsica = await get(h, '/api/prefectures/2A', c['admin@x.fr']);
    expect(await corsica.json()).toMatchObject({ id: '2A', code: '2A', auto_close_expired: false });
    expect((await send(h, 'POST', '/api/prefectures', c['admin@x.fr']!, { code: '2A', name: 'Doublon' })).status).toBe(404);
    const renamed = await send(h, 'PUT', '/api/prefectures/59', c['admin@x.fr']!, { name: 'Préfecture du Nord (Lille)' });
    expect(await renamed.json()).toMatchObject({ name: 'Préfecture du Nord (Lille)' });
    expect((await send(h, 'PUT', '/api/prefectures/59', c['sup@59.fr']!, { name: 'Autre nom' })).status).toBe(403);
  });

  it('leave automatic closure to the préfecture’s supervisor: the admin takes no decision on cases (403)', async () => {
    const record = await (await get(h, '/api/prefectures/59', c['admin@x.fr'])).json();
    const refused = await send(h, 'PUT', '/api/prefectures/59', c['admin@x.fr']!, { ...record, auto_close_expired: true });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/superviseur/);
    // The whole record sent back unchanged by react-admin is fine.
    expect((await send(h, 'PUT', '/api/prefectures/59', c['admin@x.fr']!, record)).status).toBe(200);
    expect((await send(h, 'PUT', '/api/prefectures/59', c['sup@59.fr']!, { ...record, auto_close_expired: true })).status).toBe(200);
    expect(countRows(h, 'event_log', "action='prefecture_auto_close' and after='true'")).toBe(1);
  });
});
