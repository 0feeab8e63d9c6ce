import type { Db } from '@em/db';
import { Column, fillPlaceholders, is, SQL } from 'drizzle-orm';
import { type ApiRecord, snakeKey } from './react-admin.js';

type DriverDecoder = { mapFromDriverValue(value: unknown): unknown };
type PreparableSelect = {
  toSQL(): { sql: string; params: unknown[] };
  all(): unknown[];
  readonly _: { readonly selectedFields: object };
};
type Decoded = { decoder: DriverDecoder };

/** The decoder Drizzle itself applies to a selected field (its column's, or the SQL's `mapWith`). */
function decoderOf(field: unknown): DriverDecoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as Decoded).decoder;
  return ((field as SQL.Aliased).sql as unknown as Decoded).decoder;
}

/**
 * A select of hot lists, compiled once per database, whose rows come straight out as API records:
 * snake_case keys, values decoded as Drizzle decodes them, dates as ISO strings. Building the query,
 * compiling it and mapping each row through Drizzle's objects then toApiRecord was most of a list
 * request's time. `query` may hold `sql.placeholder(name)`s, given by name to the returned function.
 */
export function prepareApiRows<Q extends PreparableSelect>(db: Db, query: Q) {
  type Row = ApiRecord<ReturnType<Q['all']>[number]>;
  const { sql, params } = query.toSQL();
  const statement = db.$client.prepare(sql).raw(true);
  const fields = Object.entries(query._.selectedFields);
  const keys = fields.map(([key]) => snakeKey(key));
  const decoders = fields.map(([, field]) => decoderOf(field));
  return (values: Record<string, unknown> = {}): Row[] =>
    (statement.all(...fillPlaceholders(params, values)) as unknown[][]).map((raw) => {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = raw[i] === null ? null : decoders[i]!.mapFromDriverValue(raw[i]);
        record[keys[i]!] = value instanceof Date ? value.toISOString() : value;
      }
      return record as Row;
    });
}

/** `prepare` run once per database (the tests open many) and its statement kept with it. */
export function oncePerDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let statement = prepared.get(db);
    if (statement === undefined) {
      statement = prepare(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}

/** Values made per key and kept per database, the least recently used dropped past `capacity`. */
export function cachedPerDatabase<T>(capacity: number): (db: Db, key: string, make: () => T) => T {
  const caches = new WeakMap<Db, Map<string, T>>();
  return (db, key, make) => {
    let cache = caches.get(db);
    if (cache === undefined) {
      cache = new Map();
      caches.set(db, cache);
    }
    const kept = cache.get(key);
    if (kept !== undefined) {
      // A Map iterates in insertion order: moved to the end, it is the last to go.
      cache.delete(key);
      cache.set(key, kept);
      return kept;
    }
    const made = make();
    cache.set(key, made);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return made;
  };
}
