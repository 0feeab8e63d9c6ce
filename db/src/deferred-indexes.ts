import type Database from 'better-sqlite3';

/**
 * Drops the indexes of these tables, each remembered in `deferred_indexes` by the same transaction,
 * so that a bulk load inserts without maintaining them (their B-trees, larger than the page cache at
 * a million dossiers, cost a random write per row). The constraints SQLite builds itself
 * (sqlite_autoindex_*) stay. Returns how many were dropped.
 */
export function deferIndexes(sqlite: Database.Database, tables: readonly string[]): number {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  sqlite
    .transaction(() => {
      const remember = sqlite.prepare('INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)');
      for (const index of indexes) {
        remember.run(index.name, index.sql);
        sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      }
    })
    .immediate();
  return indexes.length;
}

/**
 * Recreates every deferred index (the search index too, deferSearchIndex), each with its removal
 * from `deferred_indexes` in one transaction.
 * Run when a bulk load ends, and by every migration (a load stopped half-way). A unique index that
 * the loaded rows violate fails here, loudly, rather than going missing.
 */
export function restoreDeferredIndexes(sqlite: Database.Database): number {
  const deferred = sqlite.prepare('SELECT name, sql FROM deferred_indexes ORDER BY name').all() as { name: string; sql: string }[];
  const exists = sqlite.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').pluck();
  for (const index of deferred) {
    sqlite
      .transaction(() => {
        // A migration that rebuilt the table (0015 for events) created its indexes again; one that
        // rebuilt the search index (0024) put its trigger back (deferSearchIndex).
        if (!exists.get(index.name)) sqlite.exec(index.sql);
        sqlite.prepare('DELETE FROM deferred_indexes WHERE name = ?').run(index.name);
      })
      .immediate();
  }
  return deferred.length;
}
