/**
 * One préfecture's lists over HTTP at national scale. Seeds N demo dossiers (default 1 000 000) in a
 * temporary DATA_DIR through the demo CLI, starts the real server and a floor (the same queries on a
 * bare route, bench/lists/floor-server.ts) as child processes, logs in as the Nord's agent (then its
 * supervisor, for « Échéances » and its statistics), and prints
 * p50/p95/p99 of each screen's request with its ratio to the floor, the throughput of a list at 50
 * connections (autocannon), the server's memory and the database size.
 * Usage: npm run bench -- [--dossiers N] [--rounds R] [--writes W] [--seconds S] [--data-dir DIR] [--port P] [--workers W]
 * `--data-dir` reuses a seeded folder (seeded there if empty) and keeps it; `--workers` starts the
 * server with WORKERS processes serving the port (memory: all of them).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_STAFF } from '../tools/demo/src/accounts.js';
import { staffLogin, timedGet, write } from './lists/http.js';
import { childrenOf, memoryMiB, spawnTs, stop, waitForHttp } from './lists/processes.js';
import { scenarios, supervisorScenarios, TO_TAKE } from './lists/scenarios.js';
import { seedThroughCli } from './lists/seed.js';
import { percentile, printHeader, printRow } from './lists/stats.js';
import { throughput } from './lists/throughput.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '60' },
    writes: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '4401' },
    workers: { type: 'string', default: '1' },
  },
});
const rounds = Number(values.rounds);
const port = Number(values.port);
const api = `http://localhost:${port}`;
const floor = `http://localhost:${port + 1}`;
const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'em-bench-'));
const dbFile = join(dataDir, 'etranger-malade.sqlite');

if (!existsSync(dbFile)) {
  const { seconds, peakMiB } = await seedThroughCli(dataDir, Number(values.dossiers));
  console.log(`seed ${values.dossiers} dossiers through the CLI: ${seconds.toFixed(1)} s, peak memory ${peakMiB.toFixed(0)} MiB`);
}
const server = spawnTs('apps/api/src/server.ts', [], { DATA_DIR: dataDir, PORT: String(port), WORKERS: values.workers! });
server.stdout!.resume();
const floorServer = spawnTs('bench/lists/floor-server.ts', [], { DATA_DIR: dataDir, PORT: String(port + 1), PREFECTURE: '59' });
try {
  const startedAt = performance.now();
  await waitForHttp(`${api}/api/health`, server);
  await waitForHttp(`${floor}/api/health`, floorServer);
  console.log(`server ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (migrations included)`);
  const agent = DEMO_STAFF.find((user) => user.email === 'agent.59@demo.gouv.fr')!;
  const cookie = await staffLogin(api, agent.email, agent.password);
  const sample = ((await timedGet(api, TO_TAKE, cookie)).body as { id: number; numero: string }[])[0]!;

  const measure = async (base: string, path: string, asWhom: string) => {
    const timings: number[] = [];
    let total = '';
    for (let i = 0; i < rounds + 3; i++) {
      const timed = await timedGet(base, path, asWhom);
      if (i >= 3) timings.push(timed.ms); // the first three warm the caches
      total = timed.total;
    }
    return { timings, total };
  };
  printHeader();
  for (const [name, path, hasFloor] of scenarios(sample)) {
    const measured = await measure(api, path, cookie);
    const floorMeasured = hasFloor ? await measure(floor, path, cookie) : undefined;
    if (floorMeasured && floorMeasured.total !== measured.total) throw new Error(`${name}: the floor counts ${floorMeasured.total}`);
    printRow({ name, ...measured, floor: floorMeasured?.timings });
  }
  const supervisor = DEMO_STAFF.find((user) => user.email === 'superviseur.59@demo.gouv.fr')!;
  const supervisorCookie = await staffLogin(api, supervisor.email, supervisor.password);
  for (const [name, path] of supervisorScenarios(new Date())) printRow({ name, ...(await measure(api, path, supervisorCookie)) });

  const seconds = Number(values.seconds);
  const served = await throughput(`${api}${TO_TAKE}`, cookie, seconds);
  const bare = await throughput(`${floor}${TO_TAKE}`, '', seconds);
  const f = (t: typeof served) =>
    `${t.perSecond.toFixed(0)} requests/s (latency p50 ${t.p50} ms, p99 ${t.p99} ms, ${t.timeouts} over 10 s)`;
  console.log(
    `\nlist « À traiter » at 50 connections, ${seconds} s, ${values.workers} server process(es): ${f(served)}; floor (one process) ${f(bare)}`,
  );

  const writes = Number(values.writes);
  if (writes > 0) {
    const page = `/api/dossiers?${new URLSearchParams({ filter: '{"queue":"to_take"}', range: `[0,${writes - 1}]` })}`;
    const timings: number[] = [];
    for (const { id } of (await timedGet(api, page, cookie)).body as { id: number }[]) {
      const pieces = (await timedGet(api, `/api/pieces?filter=${encodeURIComponent(JSON.stringify({ dossier_id: id }))}`, cookie)).body as {
        id: number;
        code: string;
      }[];
      const identite = pieces.find((piece) => piece.code === 'JUSTIFICATIF_IDENTITE')!;
      timings.push(
        (await write(api, cookie, 'POST', `/api/dossiers/${id}/take`)) +
          (await write(api, cookie, 'PUT', `/api/pieces/${identite.id}`, { review_status: 'manquant', review_message: 'illisible' })) +
          (await write(api, cookie, 'POST', `/api/dossiers/${id}/complement-request`)),
      );
    }
    timings.sort((a, b) => a - b);
    console.log(
      `take + piece review + complement request (3 transactions), ${timings.length} dossiers: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms`,
    );
  }

  const pids = [server.pid!, ...childrenOf(server.pid!)];
  const sum = (field?: 'VmHWM') => pids.reduce((total, pid) => total + memoryMiB(pid, field), 0);
  console.log(`server memory (${pids.length} processes): ${sum().toFixed(0)} MiB resident, peaks ${sum('VmHWM').toFixed(0)} MiB`);
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  console.log(`database: ${((size(dbFile) + size(`${dbFile}-wal`)) / 1024 ** 3).toFixed(2)} GiB (${dbFile})`);
} finally {
  await Promise.all([stop(server), stop(floorServer)]);
  if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
}
