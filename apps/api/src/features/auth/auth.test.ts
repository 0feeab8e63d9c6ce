import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPrefectures, addStaff, createHarness, get, type Harness, login, ORIGIN, PASSWORD } from '../../testing/harness.js';
import { deleteExpiredSessions } from './sessions.js';
import { THROTTLE_RULES } from './throttle.js';

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
    const logout = await h.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie, Origin: ORIGIN } });
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
  const { accountAtAddress, address, account } = THROTTLE_RULES;
  const later = (ms: number) => h.clock.set(new Date(h.clock.now().getTime() + ms));

  it('makes one person who mistyped at their address wait, with Retry-After, and only there', async () => {
    for (let i = 0; i < accountAtAddress.free; i++) expect((await attempt('agent@59.fr', 'bad', '10.0.1.1')).status).toBe(401);
    const blocked = await attempt('agent@59.fr', PASSWORD, '10.0.1.1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await blocked.json()).message).toBe('Trop de tentatives de connexion échouées. Réessayez dans 1 seconde.');
    // Someone else's typos never lock the real person out at their own address.
    expect((await attempt('agent@59.fr', PASSWORD, '10.0.2.1')).status).toBe(200);
    later(1000);
    expect((await attempt('agent@59.fr', PASSWORD, '10.0.1.1')).status).toBe(200);
    // The right password forgave the person's own typos.
    expect((await attempt('agent@59.fr', 'bad', '10.0.1.1')).status).toBe(401);
  });

  it('doubles the wait with each further failure, up to 15 minutes for one account at one address', async () => {
    for (let i = 0; i < accountAtAddress.free; i++) await attempt('agent@59.fr', 'bad', '10.0.1.1');
    const waits: string[] = [];
    for (let i = 0; i < 12; i++) {
      later(15 * 60_000);
      expect((await attempt('agent@59.fr', 'bad', '10.0.1.1')).status).toBe(401);
      waits.push((await attempt('agent@59.fr', 'bad', '10.0.1.1')).headers.get('retry-after')!);
    }
    expect(waits.slice(0, 4)).toEqual(['2', '4', '8', '16']);
    expect(waits.at(-1)).toBe('900');
  });

  it('never makes the owner of an account attacked from many addresses wait more than a minute', async () => {
    for (let i = 0; i < 60; i++) {
      const response = await attempt('agent@59.fr', 'bad', `10.1.${i}.1`);
      if (response.status === 429) later(Number(response.headers.get('retry-after')) * 1000);
    }
    const blocked = await attempt('agent@59.fr', PASSWORD, '10.0.0.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(account.maxWaitMs / 1000);
    later(account.maxWaitMs);
    expect((await attempt('agent@59.fr', PASSWORD, '10.0.0.7')).status).toBe(200);
  });

  it('makes an address that tried many accounts wait, not the others', async () => {
    for (let i = 0; i < address.free; i++) await attempt(`nobody${i}@x.fr`, 'bad', '10.9.9.9');
    expect((await attempt('agent@59.fr', PASSWORD, '10.9.9.9')).status).toBe(429);
    expect((await attempt('agent@59.fr', PASSWORD, '10.9.9.8')).status).toBe(200);
  });

  it('checks no more passwords than allowed when 100 tries on one account arrive at once', async () => {
    const tries = Array.from({ length: 100 }, (_, i) => attempt('agent@59.fr', i === 99 ? PASSWORD : `bad-${i}`, '10.0.3.1'));
    const statuses = (await Promise.all(tries)).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(accountAtAddress.free);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - accountAtAddress.free);
    expect(statuses[99]).toBe(429);
  });

  it('checks no more passwords than allowed when 300 applicants are tried at once from one address', async () => {
    const tries = Array.from({ length: 300 }, (_, i) =>
      h.app.request('/api/usager/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.4.1' },
        body: JSON.stringify({ email: `usager${i}@x.fr`, password: 'bad' }),
      }),
    );
    const statuses = (await Promise.all(tries)).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(address.free);
  });

  it('trusts only the X-Forwarded-For entry the proxy added, not what the client wrote before it', async () => {
    for (let i = 0; i < address.free; i++) {
      await attempt(`nobody${i}@x.fr`, 'bad', `198.51.100.${i}, 10.9.9.9`);
    }
    expect((await attempt('agent@59.fr', PASSWORD, '203.0.113.1, 10.9.9.9')).status).toBe(429);
    expect((await attempt('agent@59.fr', PASSWORD, '10.9.9.9, 10.9.9.8')).status).toBe(200);
  });

  it('refuses a password longer than 256 characters before hashing it, without counting a failure', async () => {
    const response = await attempt('agent@59.fr', 'x'.repeat(257));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Mot de passe : 256 caractères au plus.' });
    expect(h.db.$client.prepare('select count(*) as n from failed_logins').get()).toEqual({ n: 0 });
  });
});
