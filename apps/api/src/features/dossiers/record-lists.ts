import { type Db, schema } from '@em/db';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { StaffUser } from '../../deps.js';
import { cachedPerDatabase } from '../../http/prepared.js';
import { idsFilter, integerFilter, type ListQuery } from '../../http/react-admin.js';
import { staffDossierScope, staffPrefecture } from './scope.js';

type Values = Record<string, unknown>;
/** A list's statements, its integer filters' values placeholders of their names. */
type PreparedList<Row> = { rows: { all(values: Values): Row[] }; total: { get(values: Values): { count: number } | undefined } };

/**
 * Lists of a dossier's records (pieces, events, files), filtered by the staff member's scope, some
 * ids (getMany) and `filters` (an integer filter's name and its column: the dossier's, the piece's),
 * their page and total prepared once per scope, filters given, order and range, the values given at
 * each request. Built and prepared each time, they cost more than they ran (a dossier's pieces, 0.75
 * → 0.2 ms in process at a million dossiers). `prepare` selects, orders, pages and counts the records `where` says.
 */
export function preparedRecordLists<Row>(
  records: { id: SQLiteColumn; filters: Record<string, SQLiteColumn> },
  prepare: (db: Db, query: ListQuery, where: SQL | undefined) => PreparedList<Row>,
) {
  const lists = cachedPerDatabase<PreparedList<Row>>(64);
  return (db: Db, staff: StaffUser, query: ListQuery) => {
    const ids = idsFilter(query.filter);
    const values = Object.fromEntries(Object.keys(records.filters).map((name) => [name, integerFilter(query.filter, name)]));
    const given = Object.keys(values).filter((name) => values[name] !== undefined);
    const shape = JSON.stringify([staffPrefecture(staff) ?? null, ids ?? null, given, query.sort ?? null, query.range]);
    const list = lists(db, shape, () => {
      const byValues = given.map((name) => eq(records.filters[name]!, sql.placeholder(name)));
      return prepare(db, query, and(staffDossierScope(staff), ids && inArray(records.id, ids), ...byValues));
    });
    return { rows: list.rows.all(values), total: list.total.get(values)?.count ?? 0 };
  };
}

/** How many of `table`'s records `where` says, joined to their dossier through `dossierId` (the scope's condition is on it). */
export function preparedCount(db: Db, table: SQLiteTable, dossierId: SQLiteColumn, where: SQL | undefined) {
  const { dossiers } = schema;
  return db.select({ count: sql<number>`count(*)` }).from(table).innerJoin(dossiers, eq(dossiers.id, dossierId)).where(where).prepare();
}
