import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { migrateDatabase, openDatabase } from './connection.js';
import { compactSearchIndex, searchIndexSegments } from './search-index.js';

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

const matches = (sqlite: ReturnType<typeof fragmentedIndex>['sqlite'], phrase: string) =>
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
