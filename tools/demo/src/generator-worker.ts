/** The demo generator thread (started by generator-thread.ts): builds the batches of its plan, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { BatchGenerator, type GenerationPlan, SEED_BATCH_SIZE } from './generation.js';
import { BATCHES_AHEAD, type FromGenerator } from './generator-thread.js';

const port = parentPort!;
const plan = workerData as GenerationPlan;
const generator = new BatchGenerator(plan);

let credits = BATCHES_AHEAD;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});
const send = (message: FromGenerator) => port.postMessage(message);

for (let start = 0; start < plan.total; start += SEED_BATCH_SIZE) {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  send({ type: 'batch', start, batch: generator.batch(start) });
}
// The caller stops this thread once it has the keys.
send({ type: 'done', documentKeys: generator.shelf.keys() });
