import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPrefectures, addStaff, createHarness, get, type Harness, login, PASSWORD } from '../../testing/harness.js';
import { deleteExpiredSessions } from './sessions.js';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS } from './throttle.js';

let h: Harness;
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
});
afterEach(() => h.close());

const attempt = (email: string, password: string, address = '10.0.0.1') =>
  h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ email, password }),
  });

describe('staff login', () => {
  it('opens a session in an HttpOnly, SameSite=Lax cookie and answers /me', async () => {
    const response = await attempt('Agent@59.fr', PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: 'agent@59.fr', role: 'agent', prefecture_code: '59' });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await get(h, '/api/auth/me', cookie.split(';')[0]);
    expect(me.status).toBe(200);
  });

  it('stores only the hash of the session token', async () => {
    const cookie = await login(h, 'agent@59.fr');
    const token = cookie.split('=')[1]!;
    const stored = h.db.$client.prepare('select id from sessions').all() as { id: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password with a French message and no cookie', async () => {
    const response = await attempt('agent@59.fr', 'wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Identifiant ou mot de passe incorrect.' });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 with a message when the body is not JSON', async () => {
    const response = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'nope',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/JSON/);
  });

  it('answers 401 without a session, and after logout', async () => {
    expect((await get(h, '/api/auth/me')).status).toBe(401);
    expect((await get(h, '/api/dossiers')).status).toBe(401);
    const cookie = await login(h, 'agent@59.fr');
    const forged = await h.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect((await get(h, '/api/auth/me', cookie)).status).toBe(200);
    const logout = await h.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie, Origin: 'http://localhost' } });
    expect(logout.status).toBe(204);
    const me = await get(h, '/api/auth/me', cookie);
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ message: 'Vous devez vous connecter.' });
  });

  it('expires a session after 12 idle hours but slides it while in use', async () => {
    const cookie = await login(h, 'agent@59.fr');
    const start = h.clock.now().getTime();
    h.clock.set(new Date(start + 7 * 3600 * 1000));
    expect((await get(h, '/api/auth/me', cookie)).status).toBe(200);
    h.clock.set(new Date(start + 18 * 3600 * 1000));
    expect((await get(h, '/api/auth/me', cookie)).status).toBe(200);
    h.clock.set(new Date(start + 31 * 3600 * 1000));
    expect((await get(h, '/api/auth/me', cookie)).status).toBe(401);
  });

  it('lets the periodic job delete the sessions nobody came back to', async () => {
    await login(h, 'agent@59.fr');
    const sessions = () => h.db.$client.prepare('select count(*) as n from sessions').get() as { n: number };
    deleteExpiredSessions(h.db, new Date(h.clock.now().getTime() + 11 * 3600 * 1000));
    expect(sessions().n).toBe(1);
    deleteExpiredSessions(h.db, new Date(h.clock.now().getTime() + 13 * 3600 * 1000));
    expect(sessions().n).toBe(0);
  });
});

describe('login throttling', () => {
  it('answers 429 after repeated failures on one account, even with the right password', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await attempt('agent@59.fr', 'bad', `10.0.1.${i}`)).status).toBe(401);
    const blocked = await attempt('agent@59.fr', PASSWORD, '10.0.2.1');
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/Trop de tentatives/);
    h.clock.set(new Date(h.clock.now().getTime() + THROTTLE_WINDOW_MS + 1000));
    expect((await attempt('agent@59.fr', PASSWORD, '10.0.2.1')).status).toBe(200);
  });

  it('answers 429 after repeated failures from one address across accounts', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await attempt(`nobody${i}@x.fr`, 'bad', '10.9.9.9');
    expect((await attempt('agent@59.fr', PASSWORD, '10.9.9.9')).status).toBe(429);
    expect((await attempt('agent@59.fr', PASSWORD, '10.9.9.8')).status).toBe(200);
  });
});
