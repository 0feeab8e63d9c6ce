/**
 * Memory and disk under parallel uploads over HTTP (issue #10). Seeds a small demo data folder,
 * starts the real server as a child process, then, as the Nord's agent, sends N documents of
 * almost 10 Mo at once (« Joindre un document reçu » on N dossiers taken for the purpose), then N
 * uploads over 10 Mo that must all be refused with 413. Prints the server's resident memory before,
 * its peak during each wave, the time taken, and what stayed on disk.
 * Usage: npm run bench:uploads -- [--parallel N] [--dossiers D] [--port P]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileStorePath } from '@em/db';
import { DEMO_STAFF } from '../tools/demo/src/accounts.js';
import { staffLogin, timedGet, write } from './lists/http.js';
import { memoryMiB, spawnTs, stop, waitForHttp } from './lists/processes.js';
import { TO_TAKE } from './lists/scenarios.js';
import { seedThroughCli } from './lists/seed.js';

const { values } = parseArgs({
  options: {
    parallel: { type: 'string', default: '20' },
    dossiers: { type: 'string', default: '500' },
    port: { type: 'string', default: '4411' },
  },
});
const parallel = Number(values.parallel);
const api = `http://localhost:${values.port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'em-bench-uploads-'));
const ALMOST_10_MO = 10 * 1024 * 1024 - 4096;
const OVER_10_MO = 10 * 1024 * 1024 + 1;

/** A PDF-looking document of `size` bytes, different for each `n` (so each is stored apart). */
function document(size: number, n: number): Blob {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode(`%PDF-1.4\n% document ${n}\n`));
  bytes[size - 1] = n % 256;
  return new Blob([bytes], { type: 'application/pdf' });
}

const storeEntries = () => readdirSync(fileStorePath(dataDir));

/** Runs `send` N times at once while sampling the server's memory every 20 ms. */
async function wave(pid: number, label: string, send: (n: number) => Promise<number>) {
  const before = memoryMiB(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryMiB(pid));
  }, 20);
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: parallel }, (_, n) => send(n)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, memoryMiB(pid));
  const counts = [...new Set(statuses)].map((status) => `${statuses.filter((s) => s === status).length}× ${status}`).join(', ');
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s   RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB (+${(peak - before).toFixed(0)})   ${counts}`,
  );
  return statuses;
}

await seedThroughCli(dataDir, Number(values.dossiers));
const server = spawnTs('apps/api/src/server.ts', [], { DATA_DIR: dataDir, PORT: values.port! });
server.stdout!.resume();
try {
  await waitForHttp(`${api}/api/health`, server);
  const agent = DEMO_STAFF.find((user) => user.email === 'agent.59@demo.gouv.fr')!;
  const cookie = await staffLogin(api, agent.email, agent.password);
  const toTake = (await timedGet(api, TO_TAKE.replace('[0,24]', `[0,${parallel - 1}]`), cookie)).body as { id: number }[];
  if (toTake.length < parallel) throw new Error(`only ${toTake.length} dossiers to take; seed more with --dossiers`);
  const pieces: number[] = [];
  for (const { id } of toTake) {
    await write(api, cookie, 'POST', `/api/dossiers/${id}/take`);
    const list = (await timedGet(api, `/api/pieces?${new URLSearchParams({ filter: JSON.stringify({ dossier_id: id }) })}`, cookie))
      .body as { id: number; code: string }[];
    pieces.push(list.find((piece) => piece.code === 'JUSTIFICATIF_DOMICILE')!.id);
  }
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
  const attach = async (n: number, size: number) => {
    const form = new FormData();
    form.set('file', document(size, n), `document-${n}.pdf`);
    const response = await fetch(`${api}/api/pieces/${pieces[n]}/files?received_via=guichet&received_on=${today}`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: api },
      body: form,
    });
    await response.arrayBuffer();
    return response.status;
  };

  const pid = server.pid!;
  const storedBefore = storeEntries().length;
  console.log(`server ready; ${parallel} dossiers taken; ${storedBefore} entries in the file store`);
  await wave(pid, `${parallel} documents of almost 10 Mio at once`, (n) => attach(n, ALMOST_10_MO));
  const storedAfterAccepted = storeEntries().length;
  await wave(pid, `${parallel} documents over 10 Mio at once (413)`, (n) => attach(n, OVER_10_MO));
  const leftovers = storeEntries().filter((name) => name.startsWith('.tmp')).length;
  console.log(
    `file store: +${storedAfterAccepted - storedBefore} stored by the accepted wave, +${storeEntries().length - storedAfterAccepted} by the refused one, ${leftovers} temporary files left`,
  );
  console.log(`peak RSS of the server over its whole life: ${memoryMiB(pid, 'VmHWM').toFixed(0)} MiB`);
} finally {
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
