import type { MailTransport } from '@em/mail';
import type { AppDeps } from './deps.js';
import { deleteExpiredSessions } from './features/auth/sessions.js';
import { closeExpiredDossiers, recordAnsweredRequests, sendDueReminders } from './features/deadlines/jobs.js';
import { cleanFileStore, STALE_TEMPORARY_MS } from './features/files/storage.js';
import { dispatchDueEmails } from './features/mail/dispatcher.js';

const DISPATCH_EVERY_MS = 5_000;
const DEADLINE_JOBS_EVERY_MS = 10 * 60_000;
const FILE_CLEANUP_EVERY_MS = 15 * 60_000;

/** Runs a job on a timer, never two runs of it at once; an error is logged, the timer goes on. */
function every(name: string, intervalMs: number, job: () => unknown | Promise<unknown>) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      console.error(JSON.stringify({ t: new Date().toISOString(), job: name, error: String(error) }));
    } finally {
      running = false;
    }
  };
  void tick();
  return setInterval(tick, intervalMs);
}

/** The background work of the server: e-mail delivery, reminders, the préfectures' automatic closures. */
export function startJobs(deps: AppDeps, transport: MailTransport, mailFrom: string) {
  const timers = [
    every('dispatch', DISPATCH_EVERY_MS, () => dispatchDueEmails(deps.db, transport, { now: deps.now(), from: mailFrom })),
    every('deadlines and housekeeping', DEADLINE_JOBS_EVERY_MS, () => {
      sendDueReminders(deps);
      // Before any closure: a request whose pieces all came is answered, never closed.
      recordAnsweredRequests(deps);
      const { skipped } = closeExpiredDossiers(deps);
      // Never closed, and shown on « Échéances » (« Demandes non remises »); logged for the operators too.
      if (skipped.length > 0) console.warn(JSON.stringify({ t: new Date().toISOString(), job: 'automatic closure', skipped }));
      deleteExpiredSessions(deps.db, deps.now());
      // Keeps the query planner's statistics current as the préfectures' data grows (SQLite's advice).
      deps.db.$client.pragma('optimize');
    }),
  ];
  return () => timers.forEach(clearInterval);
}

/**
 * Content this process stored that no row refers to, and temporary files an aborted upload left an
 * hour ago or more: run by every process that serves uploads.
 */
export function startFileCleanup(deps: AppDeps) {
  const timer = every('file store cleanup', FILE_CLEANUP_EVERY_MS, async () => {
    const removed = await cleanFileStore(deps, Date.now(), STALE_TEMPORARY_MS, deps.store.takeRecentlyAdopted());
    if (removed.unreferenced + removed.temporary > 0) {
      // On stderr, with the other jobs' reports: stdout holds one line per request.
      console.warn(JSON.stringify({ t: new Date().toISOString(), job: 'file store cleanup', ...removed }));
    }
  });
  return () => clearInterval(timer);
}
