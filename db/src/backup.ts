import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath, fileStorePath } from './connection.js';
import { IS_REFERENCED_SQL, REFERENCED_CONTENT_SQL, syncDirectory } from './file-store.js';

/**
 * Online backups of a data folder (`npm run cli -- db:backup DIR`, `db:restore DIR`): the
 * database through SQLite's backup API, safe while the server writes, then every piece file its
 * rows refer to, and a manifest with each file's size and SHA-256.
 */

export const MANIFEST = 'manifest.json';
const DATABASE = 'etranger-malade.sqlite';

export type ManifestEntry = { path: string; size: number; sha256: string };
export type Manifest = { format: 1; createdAt: string; database: ManifestEntry; files: ManifestEntry[] };

/** A refused backup or restore, with a message for the operator. */
export class BackupError extends Error {}

const sha256Of = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

function writeDurably(path: string, content: Uint8Array) {
  writeFileSync(path, content, { flag: 'wx', flush: true });
}

function isEmptyFolder(path: string): boolean {
  return !existsSync(path) || readdirSync(path).length === 0;
}

function referencedFiles(databaseFile: string): string[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`${REFERENCED_CONTENT_SQL} ORDER BY sha256`).all() as { sha256: string }[]).map((row) => row.sha256);
  } finally {
    db.close();
  }
}

/** How many snapshots a backup takes at most when files its snapshot refers to keep being deleted. */
const SNAPSHOT_ATTEMPTS = 5;

/** A file of the snapshot was deleted by the running server before it was copied. */
class DeletedMeanwhile extends Error {}

/** Whether the live database still refers to one content: two index lookups, not a read of every row. */
function isStillReferenced(dataDir: string, sha256: string): boolean {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(IS_REFERENCED_SQL).pluck().get({ sha256 }) === 1;
  } finally {
    db.close();
  }
}

/**
 * `afterSnapshot` runs once each database snapshot is taken, before its files are copied (tests use
 * it to delete a file at the worst moment).
 */
export async function backupDataDir(
  dataDir: string,
  backupDir: string,
  now = new Date(),
  afterSnapshot: () => void = () => undefined,
): Promise<Manifest> {
  const source = databasePath(dataDir);
  if (!existsSync(source)) throw new BackupError(`No database in ${dataDir}: nothing to back up.`);
  if (!isEmptyFolder(backupDir)) throw new BackupError(`${backupDir} is not empty: back up into a new folder.`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await backupOnce(dataDir, backupDir, now, afterSnapshot);
    } catch (error) {
      // Never a half-written backup: the folder is emptied whatever went wrong.
      for (const name of readdirSync(backupDir)) rmSync(join(backupDir, name), { recursive: true, force: true });
      if (!(error instanceof DeletedMeanwhile)) throw error;
      // The server removed a file the snapshot still refers to: a newer snapshot no longer does.
      if (attempt === SNAPSHOT_ATTEMPTS)
        throw new BackupError(`Files kept being deleted during ${SNAPSHOT_ATTEMPTS} snapshots of ${dataDir}; try again: ${error.message}`);
    }
  }
}

async function backupOnce(dataDir: string, backupDir: string, now: Date, afterSnapshot: () => void): Promise<Manifest> {
  mkdirSync(join(backupDir, 'files'), { recursive: true });
  const target = join(backupDir, DATABASE);
  const db = new Database(databasePath(dataDir), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: a snapshot taken under one read transaction, never restarted by the server's writes.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // A rollback-journal copy is one self-contained file, and can be opened read-only.
  const copy = new Database(target);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  afterSnapshot();

  const files: ManifestEntry[] = [];
  for (const sha256 of referencedFiles(target)) {
    const content = readStoredFile(dataDir, sha256);
    if (sha256Of(content) !== sha256)
      throw new BackupError(`files/${sha256} does not match its checksum in ${dataDir}: the store is damaged.`);
    writeDurably(join(backupDir, 'files', sha256), content);
    files.push({ path: `files/${sha256}`, size: content.byteLength, sha256 });
  }
  const database = readFileSync(target);
  const manifest: Manifest = {
    format: 1,
    createdAt: now.toISOString(),
    database: { path: DATABASE, size: database.byteLength, sha256: sha256Of(database) },
    files,
  };
  writeDurably(join(backupDir, MANIFEST), new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  syncDirectory(join(backupDir, 'files'));
  syncDirectory(backupDir);
  return manifest;
}

/** A stored file's content; gone means deleted after the snapshot if the live database no longer refers to it. */
function readStoredFile(dataDir: string, sha256: string): Buffer {
  try {
    return readFileSync(join(fileStorePath(dataDir), sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (isStillReferenced(dataDir, sha256))
      throw new BackupError(`files/${sha256} is referenced by ${dataDir} but missing from its store: the store is damaged.`);
    throw new DeletedMeanwhile(`files/${sha256}`);
  }
}

function readManifest(backupDir: string): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(join(backupDir, MANIFEST), 'utf8')) as Manifest;
    if (manifest.format !== 1 || !manifest.database || !Array.isArray(manifest.files)) throw new Error('unknown format');
    return manifest;
  } catch (error) {
    throw new BackupError(`${join(backupDir, MANIFEST)} is missing or unreadable (${(error as Error).message}): not a backup.`);
  }
}

/** Every file of the backup, read and checked against the manifest before anything is written. */
function checkedContents(backupDir: string, manifest: Manifest): Map<ManifestEntry, Buffer> {
  const contents = new Map<ManifestEntry, Buffer>();
  const problems: string[] = [];
  for (const entry of [manifest.database, ...manifest.files]) {
    if (!/^(etranger-malade\.sqlite|files\/[0-9a-f]{64})$/.test(entry.path)) {
      problems.push(`${entry.path}: unexpected path`);
      continue;
    }
    const path = join(backupDir, entry.path);
    if (!existsSync(path)) {
      problems.push(`${entry.path}: missing`);
      continue;
    }
    const content = readFileSync(path);
    if (content.byteLength !== entry.size || sha256Of(content) !== entry.sha256) problems.push(`${entry.path}: checksum mismatch`);
    else contents.set(entry, content);
  }
  if (problems.length > 0)
    throw new BackupError(`The backup in ${backupDir} is damaged, nothing was restored:\n  ${problems.join('\n  ')}`);
  return contents;
}

/** Problems of a restored database: SQLite's own integrity check, foreign keys, and rows pointing at no file. */
function restoredProblems(dataDir: string): string[] {
  const db = new Database(databasePath(dataDir), { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const problems = integrity.join() === 'ok' ? [] : integrity.map((line) => `integrity_check: ${line}`);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) problems.push('foreign_key_check: dangling references');
    const store = fileStorePath(dataDir);
    for (const { sha256 } of db.prepare(REFERENCED_CONTENT_SQL).all() as { sha256: string }[]) {
      if (!existsSync(join(store, sha256))) problems.push(`files/${sha256}: referenced by the database but not in the backup`);
    }
    return problems;
  } finally {
    db.close();
  }
}

export async function restoreDataDir(backupDir: string, dataDir: string): Promise<Manifest> {
  const manifest = readManifest(backupDir);
  if (!isEmptyFolder(dataDir)) throw new BackupError(`${dataDir} is not empty: restore into a new, empty data folder.`);
  const contents = checkedContents(backupDir, manifest);

  const store = fileStorePath(dataDir);
  for (const [entry, content] of contents) {
    writeDurably(entry === manifest.database ? databasePath(dataDir) : join(store, entry.sha256), content);
  }
  syncDirectory(store);
  syncDirectory(dataDir);
  const problems = restoredProblems(dataDir);
  if (problems.length > 0) {
    for (const name of readdirSync(dataDir)) rmSync(join(dataDir, name), { recursive: true, force: true });
    throw new BackupError(`The restored database failed its checks, ${dataDir} was emptied again:\n  ${problems.join('\n  ')}`);
  }
  return manifest;
}
