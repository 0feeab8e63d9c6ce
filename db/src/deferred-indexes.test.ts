import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, migrateDatabase, openDatabase } from './connection.js';
import { deferIndexes, restoreDeferredIndexes } from './deferred-indexes.js';

let dir: string;
let db: Db;
const indexesOf = (table: string) =>
  db.$client.prepare("select name, sql from sqlite_schema where type = 'index' and tbl_name = ? order by name").all(table);
const addApplicant = (email: string) =>
  db.$client.prepare('insert into applicants (email, password_hash, must_reset_password, created_at) values (?, ?, 0, 0)').run(email, 'x');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'em-defer-'));
  db = openDatabase(dir);
  migrateDatabase(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('indexes deferred during a bulk load', () => {
  it('are dropped while it runs and recreated, the same, by the next start when the load stopped half-way', () => {
    const before = indexesOf('applicants');
    expect(before.length).toBeGreaterThan(0);
    expect(deferIndexes(db.$client, ['applicants'])).toBe(before.length);
    expect(indexesOf('applicants').filter((index) => (index as { sql: string | null }).sql !== null)).toEqual([]);
    addApplicant('a@x.fr');
    // The process stops here; the next start migrates.
    migrateDatabase(db);
    expect(indexesOf('applicants')).toEqual(before);
    expect(db.$client.prepare('select count(*) as n from deferred_indexes').get()).toEqual({ n: 0 });
    expect(() => addApplicant('a@x.fr')).toThrow(/UNIQUE/);
  });

  it('fail loudly when the loaded rows break a unique index, and stay deferred rather than lost', () => {
    deferIndexes(db.$client, ['applicants']);
    addApplicant('twice@x.fr');
    addApplicant('twice@x.fr');
    expect(() => restoreDeferredIndexes(db.$client)).toThrow(/UNIQUE/);
    const remembered = db.$client.prepare('select name from deferred_indexes').all();
    expect(remembered).toEqual([{ name: 'applicants_email_unique' }]);
  });
});
