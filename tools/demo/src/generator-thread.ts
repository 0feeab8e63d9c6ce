/**
 * Runs a BatchGenerator in a worker thread: it builds the next batches (two ahead at most, to
 * bound memory) while the caller inserts the one it received.
 */
import { Worker } from 'node:worker_threads';
import type { GeneratedBatch, GenerationPlan } from './generation.js';

/** Batches the worker may build before the caller has taken them. */
export const BATCHES_AHEAD = 2;

export type FromGenerator = { type: 'batch'; start: number; batch: GeneratedBatch } | { type: 'done'; documentKeys: string[] };

/**
 * Hands each batch, in order, to `insert` (synchronous: the next batch is asked for once it
 * returns). Resolves with the keys of the documents the worker rendered, rejects on the first error
 * of either side, the worker stopped.
 */
export function generateInThread(plan: GenerationPlan, insert: (batch: GeneratedBatch, start: number) => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // The bootstrap registers tsx in the worker, whether the seed runs under tsx or vitest.
    const worker = new Worker(new URL('./generator-worker.mjs', import.meta.url), { workerData: plan });
    // Batches the worker had already sent still arrive after a failure: none of them may be inserted then.
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: FromGenerator) => {
      if (failed) return;
      if (message.type === 'done') {
        resolve(message.documentKeys);
        void worker.terminate();
        return;
      }
      try {
        insert(message.batch, message.start);
        worker.postMessage('next');
      } catch (error) {
        fail(error);
      }
    });
    worker.on('error', fail);
    // After `done` or a failure this changes nothing: a promise settles once.
    worker.on('exit', (code) => reject(new Error(`the demo generator thread stopped early (exit code ${code})`)));
  });
}
