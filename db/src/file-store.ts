import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const TEMPORARY_PREFIX = '.tmp-';
const CONTENT_NAME = /^[0-9a-f]{64}$/;

/** Every content hash a row refers to, in hexadecimal: uploaded files (stored as bytes, migration 0012) and deposit receipts. */
export const REFERENCED_CONTENT_SQL =
  'SELECT lower(hex(sha256)) AS sha256 FROM files UNION SELECT receipt_sha256 FROM dossiers WHERE receipt_sha256 IS NOT NULL';

/**
 * Whether a row refers to one content (`@sha256`, its SHA-256): two index lookups on the prefix
 * indexes of migrations 0009 and 0018, where REFERENCED_CONTENT_SQL reads every file row (seconds at
 * millions of rows).
 */
export const IS_REFERENCED_SQL = `SELECT EXISTS (SELECT 1 FROM files WHERE substr(sha256, 1, 4) = substr(unhex(@sha256), 1, 4) AND sha256 = unhex(@sha256))
  OR EXISTS (SELECT 1 FROM dossiers WHERE substr(receipt_sha256, 1, 16) = substr(@sha256, 1, 16) AND receipt_sha256 = @sha256) AS referenced`;

/**
 * Content-addressed storage: a file is written to a temporary name, fsynced, renamed to its
 * SHA-256, and the directory fsynced so that the rename itself survives a power cut: a row
 * never points at a half-written or missing file. Never overwritten.
 */
export class FileStore {
  /** Contents this instance gave a name since the last takeRecentlyAdopted(): what the periodic cleanup checks. */
  private readonly recentlyAdopted = new Set<string>();

  constructor(private readonly root: string) {}

  put(content: Uint8Array): { sha256: string; size: number } {
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (!this.has(sha256)) {
      const temporary = this.temporaryPath();
      const fd = openSync(temporary, 'wx');
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.adopt(temporary, sha256);
    }
    return { sha256, size: content.byteLength };
  }

  /** A fresh temporary name in the store, for content written (and fsynced) by the caller, then adopted. */
  temporaryPath(): string {
    return join(this.root, `${TEMPORARY_PREFIX}${randomBytes(8).toString('hex')}`);
  }

  /** Gives a fsynced temporary file its content's name; the temporary file is gone afterwards. */
  adopt(temporary: string, sha256: string): void {
    if (!CONTENT_NAME.test(sha256)) throw new Error('invalid content hash');
    const target = join(this.root, sha256);
    if (existsSync(target)) {
      rmSync(temporary, { force: true });
      return;
    }
    renameSync(temporary, target);
    syncDirectory(this.root);
    this.recentlyAdopted.add(sha256);
  }

  /** The contents stored by this instance since the previous call (then forgotten). */
  takeRecentlyAdopted(): string[] {
    const contents = [...this.recentlyAdopted];
    this.recentlyAdopted.clear();
    return contents;
  }

  has(sha256: string): boolean {
    return CONTENT_NAME.test(sha256) && existsSync(join(this.root, sha256));
  }

  /** The content hashes stored. */
  list(): string[] {
    return readdirSync(this.root).filter((name) => CONTENT_NAME.test(name));
  }

  /** Deletes stored content; the caller has made sure no row refers to it. */
  remove(sha256s: Iterable<string>): number {
    let removed = 0;
    for (const sha256 of sha256s) {
      if (!this.has(sha256)) continue;
      rmSync(join(this.root, sha256), { force: true });
      removed++;
    }
    if (removed > 0) syncDirectory(this.root);
    return removed;
  }

  /**
   * The half-written files a crash or an aborted upload left behind. At start, all of them (no upload
   * runs yet); later, those untouched for `olderThanMs`, so that an upload in progress keeps its own.
   * Asynchronous: listing tens of thousands of stored files must not stop the server.
   */
  async removeTemporaryFiles(olderThanMs = 0, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.root)) {
      if (!name.startsWith(TEMPORARY_PREFIX)) continue;
      const path = join(this.root, name);
      if (olderThanMs > 0) {
        // Gone meanwhile (its upload finished): as recent as can be.
        const modified = await stat(path).then(
          (info) => info.mtimeMs,
          () => now,
        );
        if (now - modified <= olderThanMs) continue;
      }
      await rm(path, { force: true });
      removed++;
    }
    if (removed > 0) syncDirectory(this.root);
    return removed;
  }

  read(sha256: string): Buffer {
    if (!CONTENT_NAME.test(sha256)) throw new Error('invalid content hash');
    return readFileSync(join(this.root, sha256));
  }
}

export function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
