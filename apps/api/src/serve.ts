/**
 * What every server process shares: its dependencies, and serving HTTP. With WORKERS > 1 the
 * primary process (server.ts) migrates, loads the demo, runs the e-mail and deadline jobs and
 * serves nothing; each worker opens the database, serves the port (node:cluster shares it) and
 * cleans what its own uploads may have left.
 */
import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, FileStore, fileStorePath, openDatabase } from '@em/db';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { AppDeps } from './deps.js';
import { startFileCleanup } from './jobs.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const consoleDist = join(repoRoot, 'apps', 'console', 'dist');
export const portalDist = join(repoRoot, 'apps', 'portal', 'dist');

export function serverDeps(config: ServerConfig, db: Db, store: FileStore): AppDeps {
  return {
    db,
    store,
    now: () => new Date(),
    config: {
      publicUrl: config.publicUrl,
      secureCookies: config.secureCookies,
      trustProxy: config.TRUST_PROXY,
      consoleDist,
      portalDist,
      resendWebhookSecret: config.RESEND_WEBHOOK_SECRET,
    },
  };
}

export function listen(deps: AppDeps, config: ServerConfig, onListening?: () => void) {
  return serve({ fetch: createApp(deps).fetch, port: config.PORT, hostname: config.HOST }, onListening);
}

/**
 * Forks `count` workers serving the port; `onListening` once all of them serve. A worker that dies
 * after serving is replaced; one that dies before it ever served (the port taken, say) would die
 * again the same way: `onStartFailure`, rather than restarting it forever. Returns how to stop them.
 */
export function forkWorkers(count: number, onListening: () => void, onStartFailure: () => void) {
  const serving = new Set<number>();
  let announced = false;
  let stopping = false;
  cluster.on('listening', (worker) => {
    serving.add(worker.id);
    if (!announced && serving.size === count) {
      announced = true;
      onListening();
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!serving.delete(worker.id)) {
      stopping = true;
      onStartFailure();
      return;
    }
    console.error(JSON.stringify({ t: new Date().toISOString(), worker: worker.process.pid, code, signal, restarted: true }));
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  return (done: () => void) => {
    stopping = true;
    cluster.disconnect(done);
  };
}

/** A worker of the cluster: serves until the primary disconnects it. */
export function serveAsWorker(config: ServerConfig) {
  const db = openDatabase(config.DATA_DIR);
  const deps = serverDeps(config, db, new FileStore(fileStorePath(config.DATA_DIR)));
  const stopCleanup = startFileCleanup(deps);
  const server = listen(deps, config);
  // A stop (Ctrl-C, systemd) reaches every process of the group: the primary drives it, closing
  // each worker's connections before it leaves, and does not restart one that the signal killed.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});
  const stop = () => {
    stopCleanup();
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
  };
  process.on('disconnect', stop);
  // Disconnected while it was still starting (another worker could not serve the port, say): the
  // event came before this handler, and the cleanup's timer would keep it alive, the primary
  // waiting for it to leave.
  if (!process.connected) stop();
}
