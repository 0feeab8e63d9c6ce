import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_APPLICANT, DEMO_STAFF } from '../tools/demo/src/accounts.js';

// Runs after every other scenario: the server's log then holds the requests of all of them.
test('the request log of every scenario holds one JSON line per request, and never a password, an address, a name or a token', () => {
  const log = readFileSync(join(process.env.E2E_DATA_DIR!, 'server.log'), 'utf8');
  const requestLines = log.split('\n').filter((line) => line.startsWith('{'));
  const requests = requestLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(requests.length).toBeGreaterThan(300);
  for (const request of requests) {
    expect(Object.keys(request).sort()).toEqual(expect.arrayContaining(['id', 'method', 'ms', 'route', 'status', 't']));
  }
  // Logins, deposits, uploads and reviews were logged, by route pattern and user id.
  const routes = new Set(requests.map((request) => `${request.method} ${request.route}`));
  expect([...routes]).toEqual(expect.arrayContaining(['POST /api/auth/login', 'POST /api/usager/auth/login']));
  expect(requests.some((request) => typeof request.user === 'string' && request.user.startsWith('staff:'))).toBe(true);
  expect(requests.some((request) => typeof request.user === 'string' && request.user.startsWith('usager:'))).toBe(true);

  const secrets = [
    ...DEMO_STAFF.map((user) => user.password),
    DEMO_APPLICANT.password,
    'Mon-Titre-2026!', // the téléprocédure scenario's password
    'Rodríguez',
    'Sissoko',
    'Guadalupe',
  ];
  const logged = requestLines.join('\n');
  for (const secret of secrets) expect(logged, `the log holds « ${secret} »`).not.toContain(secret);
  expect(logged, 'an e-mail address in the log').not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  expect(logged, 'a link token in the log').not.toMatch(/jeton|token=|[?&]t=/i);
});
