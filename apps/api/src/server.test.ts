import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '@em/db';
import { DEMO_APPLICANT, DEMO_STAFF, seedDemoData } from '@em/demo';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// Each case spawns a server (tsx start-up, migrations, argon2 hashes): slow on a loaded machine.
const SLOW = { timeout: 60_000 };
const PASSWORDS = [...DEMO_STAFF.map((user) => user.password), DEMO_APPLICANT.password];

type Started = { process: ChildProcess; output: () => string; exit: Promise<number | null>; port: number };
const started: Started[] = [];
const dirs: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'em-server-'));
  dirs.push(dir);
  return dir;
}

/** Runs server.ts as `npm start` (`--demo`) or `npm run serve` do; resolves once it listens or has exited. */
async function startServer(dir: string, options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<Started> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_REQUESTS: 'false',
    SEED_DOSSIERS: '2',
    ...options.env,
  };
  const args = ['apps/api/src/server.ts', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT, env });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('prêt')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  await Promise.race([ready, exit]);
  const server = { process: child, output: () => output, exit, port };
  started.push(server);
  return server;
}

async function stop(server: Started): Promise<void> {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGTERM');
  await server.exit;
}

const login = (port: number, path: string, email: string, password: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

function count(dir: string, table: 'staff_users' | 'applicants'): number {
  const db = openDatabase(dir);
  try {
    return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
}

async function seedDemoAccounts(dir: string): Promise<void> {
  const db = openDatabase(dir);
  migrateDatabase(db);
  await seedDemoData(db, dir, { dossiers: 0, now: new Date(), publicUrl: 'http://localhost:3000' });
  db.$client.close();
}

afterEach(async () => {
  await Promise.all(started.splice(0).map(stop));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('production start (npm run serve)', SLOW, () => {
  it('on an empty data folder creates no account, prints no password, and refuses every demo login', async () => {
    const dir = dataDir();
    const server = await startServer(dir);
    expect(server.output()).toContain('prêt');
    expect(server.output()).toContain('npm run cli -- users:create');
    for (const password of PASSWORDS) expect(server.output()).not.toContain(password);

    for (const user of DEMO_STAFF) {
      const response = await login(server.port, '/api/auth/login', user.email, user.password);
      expect(response.status, user.email).toBe(401);
      expect(await response.json()).toEqual({ message: expect.any(String) });
    }
    const applicant = await login(server.port, '/api/usager/auth/login', DEMO_APPLICANT.email, DEMO_APPLICANT.password);
    expect(applicant.status).toBe(401);

    await stop(server);
    expect(count(dir, 'staff_users')).toBe(0);
    expect(count(dir, 'applicants')).toBe(0);
  });

  it('refuses to start behind an https PUBLIC_URL when the database holds a demo account', async () => {
    const dir = dataDir();
    await seedDemoAccounts(dir);
    const server = await startServer(dir, { env: { PUBLIC_URL: 'https://etranger-malade.prefecture.example' } });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('Démarrage refusé');
    expect(server.output()).toContain('admin@demo.gouv.fr');
    expect(server.output()).not.toContain('prêt');
    for (const password of PASSWORDS) expect(server.output()).not.toContain(password);
  });

  it('over a demo database on http, starts without printing the demo passwords', async () => {
    const dir = dataDir();
    await seedDemoAccounts(dir);
    const server = await startServer(dir);
    expect(server.output()).toContain('prêt');
    expect(server.output()).toContain('comptes de démonstration');
    for (const password of PASSWORDS) expect(server.output()).not.toContain(password);
  });
});

describe('demo start (npm start)', SLOW, () => {
  it('loads the demo into an empty data folder and prints the demo logins, which work', async () => {
    const dir = dataDir();
    const server = await startServer(dir, { demo: true });
    expect(server.output()).toContain('Comptes de démonstration (rôle  e-mail  mot de passe) :');
    for (const user of DEMO_STAFF) expect(server.output()).toContain(`${user.role}  ${user.email}  ${user.password}`);
    expect(server.output()).toContain(`usager  ${DEMO_APPLICANT.email}  ${DEMO_APPLICANT.password}`);
    const agent = DEMO_STAFF[0];
    expect((await login(server.port, '/api/auth/login', agent.email, agent.password)).status).toBe(200);
  });

  it('refuses an https PUBLIC_URL: demo passwords are public', async () => {
    const server = await startServer(dataDir(), { demo: true, env: { PUBLIC_URL: 'https://demo.prefecture.example' } });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('Démarrage refusé');
  });
});

describe('several processes (WORKERS=2)', SLOW, () => {
  it('serves the port from two processes; a dossier two agents take at the same moment is taken once', async () => {
    const server = await startServer(dataDir(), { demo: true, env: { WORKERS: '2', SEED_DOSSIERS: '20' } });
    expect(server.output()).toContain('2 processus servent le port');
    const base = `http://127.0.0.1:${server.port}`;
    const cookies = await Promise.all(
      ['agent.59@demo.gouv.fr', 'superviseur.59@demo.gouv.fr'].map(async (email) => {
        const user = DEMO_STAFF.find((staff) => staff.email === email)!;
        const response = await login(server.port, '/api/auth/login', user.email, user.password);
        expect(response.status).toBe(200);
        return response.headers.getSetCookie()[0]!.split(';')[0]!;
      }),
    );
    const toTake = await fetch(`${base}/api/dossiers?filter=${encodeURIComponent('{"queue":"to_take"}')}`, {
      headers: { cookie: cookies[0]! },
    });
    const [dossier] = (await toTake.json()) as { id: number }[];
    // Ten requests at once, on as many connections, spread over both processes.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${base}/api/dossiers/${dossier!.id}/take`, {
          method: 'POST',
          headers: { cookie: cookies[i % 2]!, origin: `http://localhost:${server.port}`, connection: 'close' },
        }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 200)).toEqual(Array(9).fill(409));
    const events = await fetch(`${base}/api/events?filter=${encodeURIComponent(JSON.stringify({ dossier_id: dossier!.id }))}`, {
      headers: { cookie: cookies[1]! },
    });
    expect(((await events.json()) as { action: string }[]).filter((event) => event.action === 'take')).toHaveLength(1);
  });

  /** Runs `run` with `port` served by another program. */
  async function withPortTaken(run: (port: number) => Promise<void>) {
    const taken = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      await run(port);
    } finally {
      taken.close();
    }
  }

  it('stops with a French message, not restarting its processes forever, when the port is already taken', async () => {
    await withPortTaken(async (port) => {
      const server = await startServer(dataDir(), { env: { WORKERS: '2', PORT: String(port) } });
      expect(await server.exit).toBe(1);
      expect(server.output()).toContain(`Démarrage impossible : un processus n’a pas pu servir le port ${port}`);
      expect(server.output()).not.toContain('"restarted":true');
    });
  });

  it('stops as well when the other process was still starting as the first one failed', async () => {
    await withPortTaken(async (port) => {
      const slowSecond = join(ROOT, 'apps', 'api', 'src', 'testing', 'slow-second-worker.mjs');
      const env = { WORKERS: '2', PORT: String(port), NODE_OPTIONS: `--import ${slowSecond}` };
      const server = await startServer(dataDir(), { env });
      // Before the fix, the second worker missed its disconnection and kept the primary waiting for ever.
      expect(await server.exit).toBe(1);
      expect(server.output()).toContain(`Démarrage impossible : un processus n’a pas pu servir le port ${port}`);
    });
  });
});
