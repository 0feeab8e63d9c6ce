import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { restoreDeferredIndexes } from './deferred-indexes.js';
import { upsertReferencePrefectures } from './reference-prefectures.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export function databasePath(dataDir: string): string {
  return join(dataDir, 'etranger-malade.sqlite');
}

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(databasePath(dataDir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk when it returns, even in WAL mode; NORMAL could lose the last ones
  // on a power cut, and these are legal records (cost measured in the README, « Mesurer »).
  sqlite.pragma('synchronous = FULL');
  // SQLite's page cache is 2 MiB unless told: at a million dossiers (5 GiB) a search's thousands of
  // lookups by id went to the operating system page by page. 256 MiB, taken only as pages are read.
  sqlite.pragma('cache_size = -262144');
  const db = drizzle(sqlite, { schema }) as Db;
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), not at its first write:
  // with several server processes (WORKERS), one that had read first could no longer become a writer
  // once another process wrote (SQLITE_BUSY, no waiting), and what it checked holds until it commits.
  // A read-only transaction is readTransaction's.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as Db['transaction'];
  return db;
}

const readTransactions = new WeakMap<Database.Database, Database.Transaction<(read: () => unknown) => unknown>>();

/**
 * Runs `read` in one read transaction (BEGIN DEFERRED: it never takes the write lock), on the
 * driver's own transactions: Drizzle's builds a handle per call that a read through prepared
 * statements does not use (a list page at a million dossiers: ~40 µs of its ~300 in process).
 */
export function readTransaction<T>(db: Db, read: () => T): T {
  let transaction = readTransactions.get(db.$client);
  if (transaction === undefined) {
    transaction = db.$client.transaction((run: () => unknown) => run());
    readTransactions.set(db.$client, transaction);
  }
  return transaction.deferred(read) as T;
}

/**
 * Applies the migrations, recreates the indexes a bulk load stopped half-way left deferred, then the
 * reference data every install needs (one préfecture per département).
 */
export function migrateDatabase(db: Db): void {
  const before = appliedMigrations(db);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  restoreDeferredIndexes(db.$client);
  upsertReferencePrefectures(db);
  // An index a migration made in a database already in use has no statistics: the planner may then
  // prefer a worse one (« Compléments reçus à examiner » 6 → 86 ms at a million after 0023, until
  // this ANALYZE: 6.6 s there, once per upgrade). A new database has nothing to measure yet.
  if (before > 0 && appliedMigrations(db) > before) db.$client.exec('ANALYZE');
}

function appliedMigrations(db: Db): number {
  const table = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? (db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}

export function fileStorePath(dataDir: string): string {
  const path = join(dataDir, 'files');
  mkdirSync(path, { recursive: true });
  return path;
}

/** A transaction handle; services that write take it so that their caller decides the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
