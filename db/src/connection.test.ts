import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase, readTransaction } from './connection.js';

let dir: string;
let reader: Db;
let writer: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'em-read-'));
  reader = openDatabase(dir);
  writer = openDatabase(dir);
  reader.$client.exec('CREATE TABLE t (n INTEGER)');
});
afterEach(() => {
  reader.$client.close();
  writer.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: Db) => db.$client.prepare('SELECT count(*) FROM t').pluck().get() as number;

describe('a read transaction', () => {
  it('reads one snapshot while another process writes, and never holds it back', () => {
    const seen = readTransaction(reader, () => {
      const before = count(reader);
      writer.$client.prepare('INSERT INTO t VALUES (1)').run();
      return [before, count(reader)];
    });
    expect(seen).toEqual([0, 0]);
    expect(count(reader)).toBe(1);
  });

  it('ends when its reading throws, leaving the connection free', () => {
    expect(() =>
      readTransaction(reader, () => {
        count(reader);
        throw new Error('lecture interrompue');
      }),
    ).toThrow('lecture interrompue');
    expect(reader.$client.inTransaction).toBe(false);
    writer.$client.prepare('INSERT INTO t VALUES (1)').run();
    expect(readTransaction(reader, () => count(reader))).toBe(1);
  });
});
