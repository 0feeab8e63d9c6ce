/**
 * The trigram index of the dossiers' names and numéros (dossiers_search, migrations 0006 and 0011)
 * is a set of segments FTS5 merges as rows come in; a search reads every segment. After a bulk
 * load (the demo's million dossiers left 29) merging them into one makes a name's lookup a third
 * faster (6.1 → 4.0 ms for « diallo » in the Nord at a million dossiers).
 */
import type { NEVER_DEPOSITED_STATUSES, Status } from '@em/domain';
import type Database from 'better-sqlite3';
import { type SQL, sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

/**
 * How dossiers_search numbers a dossier's row (migrations 0011 and 0024): its préfecture's
 * partition × 2^32 + its id × 16 + its status, the partition spelled from the préfecture code's
 * characters, the status as below (drafts are not in the index). Fixed by the migrations' triggers.
 */
export const SEARCH_PARTITION_SPAN = 2 ** 32;
export const SEARCH_STATUS_SPAN = 16;
export const SEARCH_STATUS_CODES: Readonly<Record<Exclude<Status, (typeof NEVER_DEPOSITED_STATUSES)[number]>, number>> = {
  deposee: 1,
  en_examen: 2,
  complement_demande: 3,
  complement_recu: 4,
  complete: 5,
  cloturee_incomplete: 6,
};

/** What keeps the index in step with new dossiers (migration 0024); deferSearchIndex drops it for a bulk load. */
const INSERT_TRIGGER = 'dossiers_search_insert';

/**
 * The first row number of a préfecture's partition of the index, as migration 0011 spells it:
 * `prefectureCode` is an SQL expression (a bound code, or the dossiers' column).
 */
export function searchPartitionStart(prefectureCode: SQL): SQL {
  const character = (position: number) => sql`coalesce(unicode(substr(${prefectureCode}, ${sql.raw(String(position))}, 1)), 0)`;
  return sql`((${character(1)} * 65536 + ${character(2)} * 256 + ${character(3)}) * ${sql.raw(String(SEARCH_PARTITION_SPAN))})`;
}

/** The index's row number of each row of `dossiers`, as the triggers number it, in SQL text. */
function searchRowidSql(): string {
  const status = Object.entries(SEARCH_STATUS_CODES).map(([name, code]) => sql.raw(`WHEN '${name}' THEN ${code}`));
  const rowid = sql`${searchPartitionStart(sql.raw('prefecture_code'))} + id * ${sql.raw(String(SEARCH_STATUS_SPAN))} + (CASE status ${sql.join(status, sql` `)} END)`;
  return new SQLiteSyncDialect().sqlToQuery(rowid).sql;
}

/**
 * Stops the index following new dossiers for a bulk load: their rows go in all at once when
 * restoreDeferredIndexes runs (when the load ends, or at the next start if it stopped half-way),
 * which writes the whole index again and puts the trigger back. Written row by row, a million
 * dossiers' index was merged again and again, read through a page cache it had outgrown: 200,000
 * dossiers took 28 s in the index alone, written at the end 6 s (sorted by row number, less again).
 * A later migration that replaces the trigger must drop it IF EXISTS and write the whole index
 * again, as 0024 did: restoreDeferredIndexes then finds the trigger there and leaves the index as
 * the migration wrote it.
 */
export function deferSearchIndex(sqlite: Database.Database): void {
  const trigger = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(INSERT_TRIGGER);
  if (typeof trigger !== 'string') throw new Error(`${INSERT_TRIGGER} is missing: the search index cannot be deferred`);
  const searchable = Object.keys(SEARCH_STATUS_CODES)
    .map((status) => `'${status}'`)
    .join(', ');
  const rebuild = [
    "INSERT INTO dossiers_search (dossiers_search) VALUES ('delete-all')",
    // In row number order: FTS5 writes out its pending terms whenever a row number is lower than the last
    // one, and the préfectures' partitions interleave in id order (a million dossiers: 26 segments
    // merged again and again, 28–31 s; sorted, 8 segments, 7–10 s).
    `INSERT INTO dossiers_search (rowid, search_text)
      SELECT ${searchRowidSql()}, search_text FROM dossiers WHERE status IN (${searchable}) ORDER BY 1`,
    trigger,
  ].join(';\n');
  sqlite
    .transaction(() => {
      sqlite.prepare('INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)').run(INSERT_TRIGGER, rebuild);
      sqlite.exec(`DROP TRIGGER ${INSERT_TRIGGER}`);
    })
    .immediate();
}

/** Pages merged per step: about 130 ms of work, so that the server's writers wait little between steps. */
const PAGES_PER_STEP = 500;

/** How many segments the index has now. */
export function searchIndexSegments(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(DISTINCT segid) AS n FROM dossiers_search_idx').get() as { n: number }).n;
}

/**
 * Merges the index into one segment, step by step (FTS5 'merge' with a negative page count: an
 * incremental 'optimize'), each step its own short transaction; safe while the server runs.
 * Stops when a step leaves the index structure (row 10 of dossiers_search_data) as it was.
 */
export function compactSearchIndex(sqlite: Database.Database): { steps: number; segmentsBefore: number; segmentsAfter: number } {
  const segmentsBefore = searchIndexSegments(sqlite);
  const structure = sqlite.prepare('SELECT block FROM dossiers_search_data WHERE id = 10').pluck();
  const merge = sqlite.prepare("INSERT INTO dossiers_search (dossiers_search, rank) VALUES ('merge', ?)");
  let steps = 0;
  for (;;) {
    const before = structure.get() as Buffer | undefined;
    merge.run(-PAGES_PER_STEP);
    steps++;
    const after = structure.get() as Buffer | undefined;
    if (!before || !after || before.equals(after)) break;
  }
  return { steps, segmentsBefore, segmentsAfter: searchIndexSegments(sqlite) };
}
