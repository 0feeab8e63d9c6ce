/**
 * Operator commands: `npm run cli -- <command> [options]` (root script: tsx db/src/cli.ts).
 * The database lives in DATA_DIR (default ./data), as for the server. Demo data is not loaded
 * from here but by the demo tool (tools/demo, `npm run demo -- seed`), which reuses runCommands.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { applicantPasswordMessage } from '@em/domain';
import { eq } from 'drizzle-orm';
import { BackupError, backupDataDir, restoreDataDir } from './backup.js';
import { type Db, migrateDatabase, openDatabase } from './connection.js';
import { hashPassword } from './passwords.js';
import { prefectures, staffUsers } from './schema.js';
import { compactSearchIndex } from './search-index.js';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  db:migrate
      Apply the SQL migrations to the database of DATA_DIR.
  db:backup DIR
      Online backup of DATA_DIR into the new folder DIR, safe while the server runs: the
      database (SQLite backup API), the piece files it refers to, and manifest.json with
      every file's size and SHA-256.
  db:compact-search
      Merge the segments of the dossiers' search index into one, by short steps: safe while
      the server runs. Searches read every segment; after a bulk load or a migration that
      rewrote many dossiers, one segment makes them faster.
  db:vacuum
      Rewrite the database file without its free pages, which a migration that rebuilt a table
      (0015 at a million dossiers: ~800 MB) leaves in it. Needs as much free disk again as the
      database and holds the write lock throughout (about a minute at a million dossiers): run it
      with the server stopped.
  db:restore DIR
      Restore the backup in DIR into DATA_DIR, which must be empty or absent: checksums are
      verified first, then PRAGMA integrity_check and the files of every row.
  users:create --email E --password P --role agent|superviseur|admin [--prefecture CODE] [--name "Full name"]
      Create a staff account. Agents and superviseurs need --prefecture, the code of an
      existing préfecture (e.g. 59); an admin is national and takes none. The first account
      of a real deployment is its admin.

Environment:
  DATA_DIR   data directory (default ./data)
`;

const ROLES = ['agent', 'superviseur', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** A mistake in the command line: the usage is printed and the exit status is 2. */
export class UsageError extends Error {}
/** A refused operation (non-empty database, unknown préfecture…): exit status 1. */
export class CommandError extends Error {}

export type CliIo = { out: (line: string) => void; err: (line: string) => void };
export type Command = (args: string[], dataDir: string, io: CliIo) => void | Promise<void>;

function withDatabase<T>(dataDir: string, run: (db: Db) => T): T {
  const db = openDatabase(dataDir);
  try {
    migrateDatabase(db);
    return run(db);
  } finally {
    db.$client.close();
  }
}

/** parseArgs (strict) with its errors turned into usage errors. */
export function parse<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function migrate(args: string[], dataDir: string, io: CliIo): void {
  parse(() => parseArgs({ args, options: {}, strict: true }));
  withDatabase(dataDir, () => undefined);
  io.out(`Migrations applied to ${resolve(dataDir)}.`);
}

function compactSearch(args: string[], dataDir: string, io: CliIo): void {
  parse(() => parseArgs({ args, options: {}, strict: true }));
  const startedAt = performance.now();
  const { steps, segmentsBefore, segmentsAfter } = withDatabase(dataDir, (db) => compactSearchIndex(db.$client));
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  io.out(`Search index of ${resolve(dataDir)}: ${segmentsBefore} segment(s) → ${segmentsAfter}, ${steps} step(s), ${seconds} s.`);
}

function vacuum(args: string[], dataDir: string, io: CliIo): void {
  parse(() => parseArgs({ args, options: {}, strict: true }));
  const startedAt = performance.now();
  const [before, after] = withDatabase(dataDir, (db) => {
    const bytes = () =>
      (db.$client.pragma('page_count', { simple: true }) as number) * (db.$client.pragma('page_size', { simple: true }) as number);
    const pagesBefore = bytes();
    db.$client.exec('VACUUM');
    return [pagesBefore, bytes()];
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  io.out(`Database of ${resolve(dataDir)}: ${mib(before)} MiB → ${mib(after)} MiB, ${seconds} s.`);
}

async function backupOrRestore(command: 'db:backup' | 'db:restore', args: string[], dataDir: string, io: CliIo) {
  const { positionals } = parse(() => parseArgs({ args, options: {}, allowPositionals: true, strict: true }));
  if (positionals.length !== 1) throw new UsageError(`${command} needs one folder: npm run cli -- ${command} DIR`);
  const folder = resolve(positionals[0]!);
  try {
    const manifest =
      command === 'db:backup' ? await backupDataDir(resolve(dataDir), folder) : await restoreDataDir(folder, resolve(dataDir));
    const size = (manifest.database.size + manifest.files.reduce((sum, file) => sum + file.size, 0)) / 1024 / 1024;
    io.out(
      command === 'db:backup'
        ? `Backup of ${resolve(dataDir)} written to ${folder}: database and ${manifest.files.length} files, ${size.toFixed(1)} MiB, checksums in manifest.json.`
        : `Backup of ${manifest.createdAt} restored into ${resolve(dataDir)}: checksums and integrity_check ok, ${manifest.files.length} files.`,
    );
  } catch (error) {
    throw error instanceof BackupError ? new CommandError(error.message) : error;
  }
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

async function createUser(args: string[], dataDir: string, io: CliIo): Promise<void> {
  const options = {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    prefecture: { type: 'string' },
    name: { type: 'string' },
  } as const;
  const { values } = parse(() => parseArgs({ args, options, strict: true }));
  const { email, password, role, prefecture } = values;
  if (!email || !password || !role) throw new UsageError('users:create needs --email, --password and --role.');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`Invalid e-mail address: ${email}`);
  if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}".`);
  if (role !== 'admin' && !prefecture) throw new UsageError(`A ${role} belongs to one préfecture: give --prefecture (e.g. 59).`);
  if (role === 'admin' && prefecture) throw new UsageError('An admin is national: do not give --prefecture.');
  const weak = applicantPasswordMessage(password);
  if (weak) throw new CommandError(`Password refused. ${weak}`);
  const fullName = values.name?.trim() || nameFromEmail(email);
  const passwordHash = await hashPassword(password);

  const created = withDatabase(dataDir, (db) => {
    const prefectureCode = prefecture ? prefecture.trim().toUpperCase() : null;
    if (prefectureCode && !db.select().from(prefectures).where(eq(prefectures.code, prefectureCode)).get()) {
      throw new CommandError(`Unknown préfecture "${prefectureCode}".`);
    }
    if (db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email.toLowerCase())).get()) {
      throw new CommandError(`A staff account already uses ${email.toLowerCase()}.`);
    }
    return db
      .insert(staffUsers)
      .values({ email: email.toLowerCase(), passwordHash, role: role as Role, prefectureCode, fullName })
      .returning({
        id: staffUsers.id,
        email: staffUsers.email,
        role: staffUsers.role,
        prefectureCode: staffUsers.prefectureCode,
        fullName: staffUsers.fullName,
      })
      .get();
  });
  io.out(
    `Created staff user #${created.id}: ${created.fullName} <${created.email}>, ${created.role}, ${created.prefectureCode ? `préfecture ${created.prefectureCode}` : 'national'}.`,
  );
}

const COMMANDS: Record<string, Command> = {
  'db:migrate': migrate,
  'db:compact-search': compactSearch,
  'db:vacuum': vacuum,
  'db:backup': (args, dataDir, io) => backupOrRestore('db:backup', args, dataDir, io),
  'db:restore': (args, dataDir, io) => backupOrRestore('db:restore', args, dataDir, io),
  'users:create': createUser,
};

/** Runs one of `commands`; returns the process exit status (0 done, 1 refused, 2 bad command line). */
export async function runCommands(
  commands: Record<string, Command>,
  usage: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(usage);
    return 0;
  }
  const run = command ? commands[command] : undefined;
  if (!run) {
    io.err(command ? `Unknown command: ${command}\n` : 'Missing command.\n');
    io.err(usage);
    return 2;
  }
  try {
    await run(args, env.DATA_DIR || './data', io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      io.err(usage);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

export const runCli = (argv: string[], env: NodeJS.ProcessEnv, io: CliIo) => runCommands(COMMANDS, USAGE, argv, env, io);

/** Runs `cli` when `moduleUrl` is the script node was started with, and sets the exit status. */
export function runIfMain(moduleUrl: string, cli: (argv: string[], env: NodeJS.ProcessEnv, io: CliIo) => Promise<number>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  const io: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
  cli(process.argv.slice(2), process.env, io).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}

runIfMain(import.meta.url, runCli);
