import { describe, expect, it } from 'vitest';
import { crashTrial } from './testing/crash/run.js';

/**
 * The short form of `npm run bench:crash` (bench/crash.ts): three SIGKILLs at random moments of a
 * busy server; about 30 s on an idle machine (four server starts), several times that under load.
 */
describe('a server killed with SIGKILL in the middle of its work', () => {
  it('loses no acknowledged write, keeps its files and rows in step, gives no numéro twice and sends no e-mail twice', {
    timeout: 120_000,
  }, async () => {
    const report = await crashTrial({ kills: 3, applicants: 4, agents: 2, runMs: [1000, 3000] });
    expect(report.problems).toEqual([]);
    // The workload did reach the server between the kills.
    expect(report.acknowledged).toBeGreaterThanOrEqual(3);
    expect(report.files).toBeGreaterThan(0);
  });
});
