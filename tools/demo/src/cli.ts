/**
 * The demo tool's command line: `npm run demo -- seed [--dossiers N]` (root script: tsx tools/demo/src/cli.ts).
 * Same conventions as the operator CLI of @em/db (DATA_DIR, exit statuses).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '@em/db';
import { type CliIo, CommandError, parse, runCommands, runIfMain, UsageError } from '@em/db/cli';
import { DEFAULT_DEMO_DOSSIERS, isDatabaseEmpty, seedDemoData } from './seed.js';

export const USAGE = `Usage: npm run demo -- seed [--dossiers N]

Commands:
  seed [--dossiers N]
      Migrate, then load the demo data into an EMPTY database: préfectures 59 and 75,
      the demo accounts (public passwords: never on a real deployment) and N generated
      dossiers (default ${DEFAULT_DEMO_DOSSIERS}).

Environment:
  DATA_DIR     data directory (default ./data)
  PUBLIC_URL   where the links of the demo e-mails point (default http://localhost:$PORT, PORT 3000)
`;

async function seed(args: string[], dataDir: string, io: CliIo, env: NodeJS.ProcessEnv): Promise<void> {
  const { values } = parse(() => parseArgs({ args, options: { dossiers: { type: 'string' } }, strict: true }));
  const dossiers = values.dossiers === undefined ? DEFAULT_DEMO_DOSSIERS : Number(values.dossiers);
  if (!/^\d+$/.test(values.dossiers ?? '0') || !Number.isSafeInteger(dossiers) || dossiers > 1_000_000) {
    throw new UsageError(`--dossiers expects a whole number between 0 and 1000000, got "${values.dossiers}".`);
  }
  const db = openDatabase(dataDir);
  try {
    migrateDatabase(db);
    if (!isDatabaseEmpty(db)) {
      throw new CommandError(
        `The database in ${resolve(dataDir)} is not empty (it has staff accounts): the demo only loads into an empty database. ` +
          'Point DATA_DIR at a new directory to get a fresh demo.',
      );
    }
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    const { documents } = await seedDemoData(db, dataDir, {
      dossiers,
      now: new Date(),
      publicUrl: env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`,
      onProgress: (done, total) => io.out(`seed: ${done}/${total} dossiers (${seconds()} s)`),
    });
    io.out(`Demo data loaded into ${resolve(dataDir)}: ${dossiers + 1} dossiers, ${documents} distinct documents, in ${seconds()} s.`);
  } finally {
    db.$client.close();
  }
}

export const runDemoCli = (argv: string[], env: NodeJS.ProcessEnv, io: CliIo) =>
  runCommands({ seed: (args, dataDir, out) => seed(args, dataDir, out, env) }, USAGE, argv, env, io);

runIfMain(import.meta.url, runDemoCli);
