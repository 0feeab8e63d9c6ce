/**
 * The supervisor's screens on a large préfecture: seeds N demo dossiers (default 100 000) in a
 * temporary DATA_DIR, then times « Échéances », a year of statistics and the CSV export of every
 * dossier of the Nord, in process, and prints the heap the export needed on top of what was in use.
 * Usage: npm run bench:supervision -- [--dossiers N] [--rounds R]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FileStore, fileStorePath, migrateDatabase, openDatabase } from '@em/db';
import { DEMO_STAFF, seedDemoData } from '@em/demo';
import { addDays, isoDay, parisDay } from '@em/domain';
import { createApp } from '../apps/api/src/app.js';

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '10' } } });
const dossierCount = Number(values.dossiers);
const rounds = Number(values.rounds);
process.env.LOG_REQUESTS = 'false';

const dataDir = mkdtempSync(join(tmpdir(), 'em-bench-'));
const db = openDatabase(dataDir);
migrateDatabase(db);
const store = new FileStore(fileStorePath(dataDir));
const seedStart = performance.now();
await seedDemoData(db, dataDir, { dossiers: dossierCount, now: new Date(), publicUrl: 'http://localhost:3000' });
console.log(`seed: ${dossierCount} dossiers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const app = createApp({
  db,
  store,
  now: () => new Date(),
  config: { publicUrl: 'http://localhost:3000', secureCookies: false, trustProxy: false },
});
const supervisor = DEMO_STAFF.find((user) => user.email === 'superviseur.59@demo.gouv.fr')!;
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: supervisor.email, password: supervisor.password }),
});
const headers = { Cookie: login.headers.get('set-cookie')!.split(';')[0]! };
const today = parisDay(new Date());

const scenarios: [string, string][] = [
  ['« Échéances » (six figures, workload)', '/api/supervision/dashboard'],
  ['statistics over 52 weeks', `/api/supervision/statistics?from=${isoDay(addDays(today, -364))}&to=${isoDay(today)}`],
];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const f = (n: number) => n.toFixed(1).padStart(8);
console.log(`\n${'request'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
for (const [name, url] of scenarios) {
  const timings: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await app.request(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} ${f(percentile(timings, 50))} ${f(percentile(timings, 95))} ${f(timings[timings.length - 1]!)}`);
}

// The export, read chunk by chunk as a browser would, sampling the heap after each chunk.
globalThis.gc?.();
const baseline = process.memoryUsage().heapUsed;
let peak = baseline;
let bytes = 0;
let lines = 0;
const started = performance.now();
const response = await app.request('/api/supervision/export', { headers });
const reader = response.body!.getReader();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  for (const byte of value) if (byte === 10) lines++;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(
  `\nexport of the Nord: ${lines - 1} rows, ${mib(bytes)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `heap above the baseline at most ${mib(peak - baseline)} MiB${globalThis.gc ? '' : ' (run with --expose-gc for a clean baseline)'}`,
);
db.$client.close();
rmSync(dataDir, { recursive: true, force: true });
