import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const TEMPORARY_PREFIX = '.tmp-';

/**
 * Content-addressed storage: a file is written to a temporary name, fsynced, renamed to its
 * SHA-256, and the directory fsynced so that the rename itself survives a power cut: a row
 * never points at a half-written or missing file. Never overwritten.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  put(content: Uint8Array): { sha256: string; size: number } {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = join(this.root, sha256);
    if (!existsSync(target)) {
      const temporary = join(this.root, `${TEMPORARY_PREFIX}${randomBytes(8).toString('hex')}`);
      const fd = openSync(temporary, 'wx');
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
      syncDirectory(this.root);
    }
    return { sha256, size: content.byteLength };
  }

  /** At start, before any upload: the half-written files a crash left behind (no row points at them). */
  removeTemporaryFiles(): number {
    const leftovers = readdirSync(this.root).filter((name) => name.startsWith(TEMPORARY_PREFIX));
    for (const name of leftovers) rmSync(join(this.root, name), { force: true });
    if (leftovers.length > 0) syncDirectory(this.root);
    return leftovers.length;
  }

  read(sha256: string): Buffer {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content hash');
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
