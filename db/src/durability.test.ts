import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './connection.js';
import { FileStore } from './file-store.js';

// Records which kind of file each fsync reached, to see the directory synced after the rename.
const synced: ('file' | 'directory')[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return {
    ...original,
    fsyncSync: (fd: number) => {
      synced.push(original.fstatSync(fd).isDirectory() ? 'directory' : 'file');
      original.fsyncSync(fd);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'em-durable-'));
  synced.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the file store', () => {
  it('syncs the file, then the directory that holds its final name', () => {
    new FileStore(dir).put(new TextEncoder().encode('%PDF-1.4 pièce'));
    expect(synced).toEqual(['file', 'directory']);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('removes the temporary files a crash left behind, and only them', async () => {
    const store = new FileStore(dir);
    const { sha256 } = store.put(new TextEncoder().encode('%PDF-1.4 gardé'));
    writeFileSync(join(dir, '.tmp-0123456789abcdef'), 'à moitié écrit');
    expect(await store.removeTemporaryFiles()).toBe(1);
    expect(readdirSync(dir)).toEqual([sha256]);
  });
});

describe('the database', () => {
  it('commits with synchronous=FULL: an acknowledged write survives a power cut', () => {
    const db = openDatabase(dir);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    db.$client.close();
  });
});
