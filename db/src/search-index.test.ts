import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { migrateDatabase, openDatabase } from './connection.js';
import {
  compactSearchIndex,
  deferSearchIndex,
  SEARCH_PARTITION_SPAN,
  SEARCH_STATUS_CODES,
  SEARCH_STATUS_SPAN,
  searchIndexSegments,
} from './search-index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NAMES = ['diallo', 'martin', 'nguyen', 'cherif', 'benali', 'traore', 'dubois'];

/** A migrated database whose search index was written by 20 transactions, as many segments as FTS5 leaves them. */
function fragmentedIndex() {
  const dir = mkdtempSync(join(tmpdir(), 'em-search-index-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  migrateDatabase(db);
  const sqlite = db.$client;
  const insert = sqlite.prepare('INSERT INTO dossiers_search (rowid, search_text) VALUES (?, ?)');
  for (let batch = 0; batch < 20; batch++) {
    sqlite.transaction(() => {
      for (let k = 0; k < 50; k++) {
        const id = batch * 50 + k + 1;
        insert.run(id, ` ${NAMES[id % NAMES.length]} ${NAMES[(id * 3) % NAMES.length]} amina 5901${String(id).padStart(15, '0')}`);
      }
    })();
  }
  return { dir, db, sqlite };
}

const matches = (sqlite: Database.Database, phrase: string) =>
  sqlite.prepare('SELECT rowid FROM dossiers_search WHERE dossiers_search MATCH ? ORDER BY rowid').pluck().all(phrase);

describe('compactSearchIndex', () => {
  it('merges the index into one segment and every search finds the same dossiers', () => {
    const { sqlite, db } = fragmentedIndex();
    const phrases = ['"diallo"', '"ali"', '" ng"', '"00000000042"', '"diallo" "martin"'];
    const before = phrases.map((phrase) => matches(sqlite, phrase));
    expect(before[0]!.length).toBeGreaterThan(100);
    const result = compactSearchIndex(sqlite);
    expect(result.segmentsBefore).toBeGreaterThan(1);
    expect(result.segmentsAfter).toBe(1);
    expect(searchIndexSegments(sqlite)).toBe(1);
    expect(phrases.map((phrase) => matches(sqlite, phrase))).toEqual(before);
    // Nothing left to merge: one step that changes nothing.
    expect(compactSearchIndex(sqlite)).toEqual({ steps: 1, segmentsBefore: 1, segmentsAfter: 1 });
    db.$client.close();
  });

  it('is the CLI’s db:compact-search, which says how many segments it merged', async () => {
    const { dir, db } = fragmentedIndex();
    db.$client.close();
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await runCli(['db:compact-search'], { DATA_DIR: dir }, io)).toBe(0);
    expect(lines.join('\n')).toMatch(/Search index of .*: \d+ segment\(s\) → 1, \d+ step\(s\)/);
  });
});

describe('the search index’s numbering', () => {
  it('numbers each deposited dossier’s row by préfecture, status and id as SEARCH_STATUS_CODES says, drafts left out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'em-search-numbering-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    migrateDatabase(db);
    const sqlite = db.$client;
    sqlite.prepare("INSERT INTO applicants (id, email, password_hash, created_at) VALUES (1, 'a@x.fr', 'x', 0)").run();
    const insert = sqlite.prepare(
      "INSERT INTO dossiers (status, prefecture_code, applicant_id, search_text) VALUES (?, '2A', 1, ' diallo')",
    );
    const rows = () => sqlite.prepare('SELECT rowid FROM dossiers_search ORDER BY rowid').pluck().safeIntegers().all() as bigint[];
    const ids = Object.keys(SEARCH_STATUS_CODES).map((status) => Number(insert.run(status).lastInsertRowid));
    insert.run('brouillon');
    insert.run('abandonnee');
    // « 2A »: the characters 50 and 65, as migration 0011 spells a partition.
    const partition = BigInt(50 * 65536 + 65 * 256) * BigInt(SEARCH_PARTITION_SPAN);
    const numbered = Object.values(SEARCH_STATUS_CODES).map((code, k) => partition + BigInt(ids[k]! * SEARCH_STATUS_SPAN + code));
    expect(rows()).toEqual(numbered);
    // A status change moves the row; one the numbering does not know is refused, nothing changed.
    sqlite.prepare("UPDATE dossiers SET status = 'complete' WHERE id = ?").run(ids[0]);
    expect(rows()).toContain(partition + BigInt(ids[0]! * SEARCH_STATUS_SPAN + SEARCH_STATUS_CODES.complete));
    expect(rows()).toHaveLength(numbered.length);
    expect(() => sqlite.prepare("UPDATE dossiers SET status = 'perdu' WHERE id = ?").run(ids[1])).toThrow(
      'status missing from the search index numbering',
    );
    expect(rows()).toHaveLength(numbered.length);
    sqlite.close();
  });
});

describe('the search index deferred for a bulk load', () => {
  function migrated() {
    const dir = mkdtempSync(join(tmpdir(), 'em-search-deferred-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    migrateDatabase(db);
    db.$client.prepare("INSERT INTO applicants (id, email, password_hash, created_at) VALUES (1, 'a@x.fr', 'x', 0)").run();
    return db;
  }
  const statuses = ['brouillon', ...Object.keys(SEARCH_STATUS_CODES), 'abandonnee'];
  const load = (sqlite: Database.Database, count: number) => {
    const insert = sqlite.prepare('INSERT INTO dossiers (status, prefecture_code, applicant_id, search_text) VALUES (?, ?, 1, ?)');
    for (let k = 0; k < count; k++)
      insert.run(statuses[k % statuses.length], ['59', '2A', '971'][k % 3], ` ${NAMES[k % NAMES.length]} ${k}`);
  };
  const rows = (sqlite: Database.Database) =>
    sqlite.prepare('SELECT rowid FROM dossiers_search ORDER BY rowid').pluck().safeIntegers().all() as bigint[];
  const triggers = (sqlite: Database.Database) =>
    sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();

  it('takes the loaded dossiers in at the next start (a load stopped half-way), numbered as its triggers number them', () => {
    const followed = migrated().$client;
    const deferred = migrated();
    load(followed, 60);
    deferSearchIndex(deferred.$client);
    load(deferred.$client, 60);
    expect(rows(deferred.$client)).toEqual([]);
    migrateDatabase(deferred);
    expect(rows(deferred.$client)).toEqual(rows(followed));
    expect(rows(followed)).toHaveLength(45);
    expect(matches(deferred.$client, '"diallo"')).toEqual(matches(followed, '"diallo"'));
    expect(triggers(deferred.$client)).toEqual(triggers(followed));
    expect(deferred.$client.prepare('SELECT count(*) AS n FROM deferred_indexes').get()).toEqual({ n: 0 });
    // The trigger is back: the next deposit is found.
    load(deferred.$client, 2);
    expect(rows(deferred.$client)).toHaveLength(46);
    followed.close();
    deferred.$client.close();
  });

  it('writes the loaded dossiers of interleaved préfectures as one segment, a search reading one list per trigram', () => {
    const deferred = migrated();
    deferSearchIndex(deferred.$client);
    // Ids alternate between three préfectures' partitions of the row numbers, as a load of all of France does.
    load(deferred.$client, 300);
    migrateDatabase(deferred);
    expect(rows(deferred.$client)).toHaveLength(225);
    expect(searchIndexSegments(deferred.$client)).toBe(1);
    deferred.$client.close();
  });
});
