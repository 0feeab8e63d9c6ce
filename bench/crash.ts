/**
 * Crash safety, the long form: a busy server (applicants filling, uploading, depositing and
 * answering; agents taking, reviewing and asking for pieces) killed with SIGKILL at random moments,
 * restarted, and checked each time (see apps/api/src/testing/crash/run.ts).
 *
 *   npm run bench:crash -- [--kills 20] [--applicants 12] [--agents 3] [--min-ms 500] [--max-ms 6000]
 *
 * CRASH_DEBUG=1 prints every answer that was not a success.
 */
import { parseArgs } from 'node:util';
import { crashTrial } from '../apps/api/src/testing/crash/run.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    applicants: { type: 'string', default: '12' },
    agents: { type: 'string', default: '3' },
    'min-ms': { type: 'string', default: '500' },
    'max-ms': { type: 'string', default: '6000' },
  },
});

const started = Date.now();
const report = await crashTrial({
  kills: Number(values.kills),
  applicants: Number(values.applicants),
  agents: Number(values.agents),
  runMs: [Number(values['min-ms']), Number(values['max-ms'])],
  log: (line) => console.log(line),
});
console.log(
  `\n${report.kills} SIGKILL, ${report.acknowledged} writes acknowledged, ${report.deposits} deposits, ${report.files} files, ${report.emails} e-mails delivered, ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (report.problems.length > 0) {
  console.error(`${report.problems.length} problems:\n${report.problems.join('\n')}`);
  process.exit(1);
}
console.log('Aucun problème : intégrité, écritures confirmées, fichiers et lignes, numéros, courriels.');
