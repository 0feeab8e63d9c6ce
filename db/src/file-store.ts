import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Content-addressed storage: a file is written to a temporary name, fsynced, then renamed to
 * its SHA-256, so a row never points at a half-written or missing file. Never overwritten.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  put(content: Uint8Array): { sha256: string; size: number } {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = join(this.root, sha256);
    if (!existsSync(target)) {
      const temporary = join(this.root, `.tmp-${randomBytes(8).toString('hex')}`);
      const fd = openSync(temporary, 'wx');
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, target);
    }
    return { sha256, size: content.byteLength };
  }

  read(sha256: string): Buffer {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content hash');
    return readFileSync(join(this.root, sha256));
  }
}
