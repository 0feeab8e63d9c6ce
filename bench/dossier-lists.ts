/**
 * How fast the console's lists answer on a large préfecture: seeds N demo dossiers (default
 * 100 000) in a temporary DATA_DIR, then times the requests an agent's screens make, in process
 * (no network), and prints the figures. Then times W complement requests, each a few write
 * transactions (take, piece review, request with its event and e-mail), the cost of durable commits.
 * Usage: npm run bench -- [--dossiers N] [--rounds R] [--writes W] [--synchronous normal|full]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FileStore, fileStorePath, migrateDatabase, openDatabase } from '@em/db';
import { DEMO_STAFF, seedDemoData } from '@em/demo';
import { createApp } from '../apps/api/src/app.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '30' },
    writes: { type: 'string', default: '200' },
    // `normal` to compare with SQLite's weaker default in WAL mode; production runs FULL.
    synchronous: { type: 'string' },
  },
});
const dossierCount = Number(values.dossiers);
const rounds = Number(values.rounds);
process.env.LOG_REQUESTS = 'false';

const dataDir = mkdtempSync(join(tmpdir(), 'em-bench-'));
const db = openDatabase(dataDir);
if (values.synchronous) db.$client.pragma(`synchronous = ${values.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
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
const agent = DEMO_STAFF.find((user) => user.email === 'agent.59@demo.gouv.fr')!;
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: agent.email, password: agent.password }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

const list = (filter: object, sort: [string, string]) =>
  `/api/dossiers?${new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: '[0,24]' })}`;
const first = (await (await app.request(list({ status: 'deposee' }, ['deposited_at', 'ASC']), { headers: { Cookie: cookie } })).json()) as {
  id: number;
  numero: string;
}[];
const sampleId = first[0]!.id;
const sampleNumero = first[0]!.numero;

const scenarios: [string, string][] = [
  ['tab « À traiter », oldest first', list({ status: 'deposee' }, ['deposited_at', 'ASC'])],
  ['tab « Compléments demandés », by deadline', list({ status: 'complement_demande' }, ['deadline_at', 'ASC'])],
  ['tab « Délai dépassé » (server clock)', list({ queue: 'overdue' }, ['deadline_at', 'ASC'])],
  ['search « diallo » in « Complets »', list({ status: 'complete', q: 'diallo' }, ['birth_name', 'ASC'])],
  ['search by a whole numéro', list({ q: sampleNumero }, ['deposited_at', 'DESC'])],
  ['search by part of a numéro', list({ q: '59012026' }, ['numero', 'DESC'])],
  ['dossier page', `/api/dossiers/${sampleId}`],
  ['its pieces', `/api/pieces?${new URLSearchParams({ filter: JSON.stringify({ dossier_id: sampleId }), range: '[0,49]' })}`],
  [
    'its events',
    `/api/events?${new URLSearchParams({ filter: JSON.stringify({ dossier_id: sampleId }), sort: '["at","DESC"]', range: '[0,99]' })}`,
  ],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
console.log(`\n${'request'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  total`);
for (const [name, url] of scenarios) {
  const timings: number[] = [];
  let total = '';
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await app.request(url, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    timings.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
    total = response.headers.get('content-range')?.split('/')[1] ?? '1';
  }
  timings.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `${name.padEnd(44)} ${f(percentile(timings, 50))} ${f(percentile(timings, 95))} ${f(timings[timings.length - 1]!)}  ${total}`,
  );
}
const writes = Number(values.writes);
const write = (method: string, url: string, body: unknown = {}) =>
  app.request(url, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const toTake = (await (
  await app.request(`/api/dossiers?${new URLSearchParams({ filter: '{"status":"deposee"}', range: `[0,${writes - 1}]` })}`, {
    headers: { Cookie: cookie },
  })
).json()) as { id: number }[];
const writeTimings: Record<string, number[]> = { take: [], 'piece review': [], 'complement request': [] };
const writesStart = performance.now();
for (const { id } of toTake) {
  const pieces = (await (
    await app.request(`/api/pieces?${new URLSearchParams({ filter: JSON.stringify({ dossier_id: id }) })}`, { headers: { Cookie: cookie } })
  ).json()) as {
    id: number;
    code: string;
  }[];
  const identite = pieces.find((piece) => piece.code === 'JUSTIFICATIF_IDENTITE')!;
  for (const [name, method, url, body] of [
    ['take', 'POST', `/api/dossiers/${id}/take`, {}],
    ['piece review', 'PUT', `/api/pieces/${identite.id}`, { review_status: 'manquant', review_message: 'illisible' }],
    ['complement request', 'POST', `/api/dossiers/${id}/complement-request`, {}],
  ] as const) {
    const started = performance.now();
    const response = await write(method, url, body);
    writeTimings[name]!.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${name} on dossier ${id}: HTTP ${response.status} ${await response.text()}`);
  }
}
const writesSeconds = (performance.now() - writesStart) / 1000;
console.log(
  `\n${`writes on ${toTake.length} dossiers`.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
);
for (const [name, timings] of Object.entries(writeTimings)) {
  timings.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${name.padEnd(44)} ${f(percentile(timings, 50))} ${f(percentile(timings, 95))} ${f(timings[timings.length - 1]!)}`);
}
console.log(
  `${toTake.length} complement requests (3 transactions each) in ${writesSeconds.toFixed(1)} s, ${(toTake.length / writesSeconds).toFixed(0)} per second`,
);
// The cost of durability alone: one-row transactions on a scratch table, nothing else.
db.$client.exec('CREATE TABLE bench_commits (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
const insertCommit = db.$client.prepare('INSERT INTO bench_commits (at) VALUES (?)');
const commitTimings: number[] = [];
for (let i = 0; i < writes; i++) {
  const started = performance.now();
  db.$client.transaction(() => insertCommit.run(Date.now()))();
  commitTimings.push(performance.now() - started);
}
commitTimings.sort((a, b) => a - b);
console.log(
  `${`bare commit (one-row transaction) × ${writes}`.padEnd(44)} ${[50, 95].map((p) => percentile(commitTimings, p).toFixed(2).padStart(8)).join(' ')} ${commitTimings[commitTimings.length - 1]!.toFixed(2).padStart(8)}`,
);
const synchronous = db.$client.pragma('synchronous', { simple: true });
console.log(`SQLite synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][synchronous as number]}`);

console.log(`\nresident memory: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
db.$client.close();
rmSync(dataDir, { recursive: true, force: true });
