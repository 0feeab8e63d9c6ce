/** Seeds a data folder through the demo CLI, as an operator would, timing it and sampling its peak memory. */
import { exited, memoryMiB, spawnTs } from './processes.js';

export async function seedThroughCli(dataDir: string, dossiers: number): Promise<{ seconds: number; peakMiB: number }> {
  const started = performance.now();
  const child = spawnTs('tools/demo/src/cli.ts', ['seed', '--dossiers', String(dossiers)], { DATA_DIR: dataDir });
  let peakMiB = 0;
  const sampler = setInterval(() => {
    try {
      peakMiB = Math.max(peakMiB, memoryMiB(child.pid!, 'VmHWM'));
    } catch {
      // exited between two samples
    }
  }, 250);
  child.stdout!.on('data', (chunk: Buffer) => {
    const last = chunk.toString().trim().split('\n').at(-1);
    if (last) process.stdout.write(`\r${last}`);
  });
  try {
    await exited(child);
  } finally {
    clearInterval(sampler);
  }
  process.stdout.write('\n');
  return { seconds: (performance.now() - started) / 1000, peakMiB };
}
