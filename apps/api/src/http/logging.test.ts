import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { complementRequested, createHarness, type Harness, PASSWORD, send, uploadFile } from '../testing/harness.js';

let h: Harness;
const lines: string[] = [];
beforeEach(() => {
  h = createHarness();
  lines.length = 0;
  vi.stubEnv('LOG_REQUESTS', 'true');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  vi.spyOn(console, 'error').mockImplementation((...args) => lines.push(args.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  h.close();
});

it('logs one JSON line per request, with its route and user id, and no password, token, e-mail, name or file content', async () => {
  const wrong = await h.app.request('/api/usager/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'moi@x.fr DIALLO' },
    body: JSON.stringify({ email: 'moi@x.fr', password: `${PASSWORD}-faux` }),
  });
  expect(wrong.status).toBe(401);
  const { dossier, pieceIds, agent, usager } = await complementRequested(h, 'moi@x.fr', 'DIALLO');
  const content = new TextEncoder().encode('%PDF-1.4\nCONTENU-SECRET-DU-PASSEPORT\n%%EOF\n');
  expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, content, 'DIALLO Amina passeport.pdf')).status).toBe(201);
  expect((await send(h, 'POST', '/api/usager/dossier/complements', usager)).status).toBe(200);
  expect(
    (await h.app.request(`/api/dossiers?filter=${encodeURIComponent('{"q":"diallo amina"}')}`, { headers: { Cookie: agent } })).status,
  ).toBe(200);
  expect((await h.app.request(`/api/dossiers/${dossier.id}`, { headers: { Cookie: agent } })).status).toBe(200);

  const entries = lines.flatMap((line) => line.split('\n')).filter(Boolean);
  expect(entries.length).toBeGreaterThanOrEqual(9);
  const parsed = entries.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const entry of parsed) expect(Object.keys(entry)).toEqual(expect.arrayContaining(['id', 'method', 'route', 'status', 'ms']));
  expect(parsed).toContainEqual(expect.objectContaining({ route: '/api/dossiers/:id/complement-request', status: 200, user: 'staff:1' }));
  expect(parsed).toContainEqual(expect.objectContaining({ route: '/api/usager/pieces/:id/files', status: 201, user: 'usager:1' }));
  expect(parsed).toContainEqual(expect.objectContaining({ route: '/api/usager/auth/login', status: 401 }));

  const log = entries.join('\n');
  const secrets = [
    PASSWORD,
    'moi@x.fr',
    'agent@59.fr',
    'DIALLO',
    'diallo',
    'Amina',
    'amina',
    'CONTENU-SECRET',
    agent.split('=')[1]!,
    usager.split('=')[1]!,
  ];
  for (const secret of secrets) expect(log, secret).not.toContain(secret);
});
