import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileStorePath, hashPassword, migrateDatabase, openDatabase, REFERENCED_CONTENT_SQL, schema } from '@em/db';
import { type Ack, agentWorker, applicantWorker, type Client, pause } from './workload.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
const PASSWORD = 'Crash-Test-Password-9!';
/** Each applicant worker goes through this many accounts, one dossier each, taking the next once one is complete. */
const ACCOUNTS_PER_APPLICANT = 10;

export type CrashOptions = {
  kills: number;
  applicants: number;
  agents: number;
  /** The workload runs this long (a random time between the two) before each SIGKILL. */
  runMs: [number, number];
  log?: (line: string) => void;
};
export type CrashReport = { kills: number; acknowledged: number; deposits: number; files: number; emails: number; problems: string[] };

/** A stand-in for Resend's API: records every message with its Idempotency-Key, as the provider would see it. */
async function fakeResend() {
  const deliveries = new Map<string, string>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const key = String(request.headers['idempotency-key'] ?? '');
      const email = JSON.parse(body || '{}');
      deliveries.set(key, JSON.stringify([email.to, email.subject, email.text]));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `fake-${key}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, deliveries, close: () => server.close() };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function seed(dataDir: string, options: CrashOptions) {
  const db = openDatabase(dataDir);
  migrateDatabase(db);
  const passwordHash = await hashPassword(PASSWORD);
  for (let i = 1; i <= options.agents; i++) {
    db.insert(schema.staffUsers)
      .values({ email: `agent${i}@59.fr`, role: 'agent', prefectureCode: '59', fullName: `Agent ${i}`, passwordHash })
      .run();
  }
  for (let i = 1; i <= options.applicants * ACCOUNTS_PER_APPLICANT; i++) {
    db.insert(schema.applicants)
      .values({ email: `usager${i}@crash.fr`, passwordHash, mustResetPassword: false })
      .run();
  }
  db.$client.close();
}

/** server.ts in its own node process (no wrapper: the SIGKILL reaches the server itself); resolves once it listens. */
async function startServer(dataDir: string, port: number, resendUrl: string): Promise<ChildProcess> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_REQUESTS: 'false',
    RESEND_API_KEY: 're_crash_test',
    RESEND_BASE_URL: resendUrl,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], { cwd: ROOT, env });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('prêt')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return child;
}

function checkStore(dataDir: string, problems: string[], when: string) {
  const db = openDatabase(dataDir);
  try {
    const integrity = db.$client.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`${when}: integrity_check says ${integrity}`);
    const referenced = new Set((db.$client.prepare(REFERENCED_CONTENT_SQL).all() as { sha256: string }[]).map((row) => row.sha256));
    const onDisk = readdirSync(fileStorePath(dataDir));
    for (const sha256 of referenced) if (!onDisk.includes(sha256)) problems.push(`${when}: a row points at the missing file ${sha256}`);
    return { db, referenced, onDisk };
  } catch (error) {
    db.$client.close();
    throw error;
  }
}

/** Runs the workload, kills the server with SIGKILL at random moments, restarts it, and checks what survived. */
export async function crashTrial(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'em-crash-'));
  const resend = await fakeResend();
  const acks: Ack[] = [];
  const problems: string[] = [];
  let server: ChildProcess | undefined;
  const accounts = Array.from({ length: options.applicants * ACCOUNTS_PER_APPLICANT }, (_, i) => `usager${i + 1}@crash.fr`);
  try {
    await seed(dataDir, options);
    const port = await freePort();
    for (let round = 0; round <= options.kills; round++) {
      server = await startServer(dataDir, port, resend.url);
      if (round > 0) {
        // Started: the crash's leftovers are cleaned before the first request is served.
        const { db, referenced, onDisk } = checkStore(dataDir, problems, `after restart ${round}`);
        db.$client.close();
        for (const name of onDisk) if (!referenced.has(name)) problems.push(`after restart ${round}: ${name} has no row`);
      }
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      if (round === options.kills) {
        server.kill('SIGKILL');
        await exited;
        break;
      }
      let stopped = false;
      const client: Client = { base: `http://127.0.0.1:${port}`, origin: `http://localhost:${port}`, acks, isStopped: () => stopped };
      const workers = [
        ...Array.from({ length: options.applicants }, () => applicantWorker(client, accounts, PASSWORD)),
        ...Array.from({ length: options.agents }, (_, i) => agentWorker(client, `agent${i + 1}@59.fr`, PASSWORD)),
      ];
      // The random moment counts from the round's first acknowledged write: a slow start (a loaded machine) still gets work killed.
      const before = acks.length;
      for (let waited = 0; acks.length === before && waited < 20_000; waited += 50) await pause(50);
      const [min, max] = options.runMs;
      await pause(min + Math.random() * (max - min));
      server.kill('SIGKILL');
      await exited;
      stopped = true;
      await Promise.all(workers);

      const { db } = checkStore(dataDir, problems, `after kill ${round + 1}`);
      try {
        for (const ack of acks) if (!ack.present(db.$client)) problems.push(`after kill ${round + 1}: acknowledged but lost: ${ack.what}`);
        const twice = db.$client.prepare('select numero from dossiers where numero is not null group by numero having count(*) > 1').all();
        for (const row of twice) problems.push(`numéro given twice: ${JSON.stringify(row)}`);
      } finally {
        db.$client.close();
      }
      log(`kill ${round + 1}/${options.kills}: ${acks.length} writes acknowledged so far, ${problems.length} problems`);
    }
    const byContent = new Map<string, number>();
    for (const content of resend.deliveries.values()) byContent.set(content, (byContent.get(content) ?? 0) + 1);
    for (const [content, keys] of byContent)
      if (keys > 1) problems.push(`e-mail delivered under ${keys} idempotency keys: ${content.slice(0, 120)}`);

    const db = openDatabase(dataDir);
    const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    const report = {
      kills: options.kills,
      acknowledged: acks.length,
      deposits: count('select count(*) as n from dossiers where numero is not null'),
      files: count('select count(*) as n from files'),
      emails: resend.deliveries.size,
      problems,
    };
    db.$client.close();
    return report;
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    resend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
