import { type Db, schema } from '@em/db';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { StaffUser } from '../../deps.js';
import { cachedPerDatabase } from '../../http/prepared.js';
import { idsFilter, integerFilter, type ListQuery } from '../../http/react-admin.js';
import { staffDossierScope, staffPrefecture } from './scope.js';

/** A list's page, the dossier's id a placeholder (`dossierId`). */
type PreparedPage<Row> = { all(values: Record<string, unknown>): Row[] };

/**
 * Lists of a dossier's records (pieces, events: `records.id` and `records.dossierId` their columns), filtered
 * by the staff member's scope, some ids (getMany) or their dossier, their page and total prepared
 * once per scope, filter, order and range, the dossier's id given at each request. Built and
 * prepared each time, they cost more than they ran (a dossier's pieces, 0.75 → 0.2 ms in process
 * at a million dossiers). `page` selects, orders and pages the records `where` says.
 */
export function preparedRecordLists<Row>(
  records: { table: SQLiteTable; id: SQLiteColumn; dossierId: SQLiteColumn },
  page: (db: Db, query: ListQuery, where: SQL | undefined) => PreparedPage<Row>,
) {
  const lists = cachedPerDatabase<{
    rows: PreparedPage<Row>;
    total: { get(values: Record<string, unknown>): { count: number } | undefined };
  }>(64);
  return (db: Db, staff: StaffUser, query: ListQuery) => {
    const ids = idsFilter(query.filter);
    const dossierId = integerFilter(query.filter, 'dossier_id');
    const shape = JSON.stringify([staffPrefecture(staff) ?? null, ids ?? null, dossierId !== undefined, query.sort ?? null, query.range]);
    const list = lists(db, shape, () => {
      const byDossier = dossierId === undefined ? undefined : eq(records.dossierId, sql.placeholder('dossierId'));
      const where = and(staffDossierScope(staff), ids && inArray(records.id, ids), byDossier);
      const { dossiers } = schema;
      const total = db.select({ count: sql<number>`count(*)` }).from(records.table).innerJoin(dossiers, eq(dossiers.id, records.dossierId));
      return { rows: page(db, query, where), total: total.where(where).prepare() };
    });
    return { rows: list.rows.all({ dossierId }), total: list.total.get({ dossierId })?.count ?? 0 };
  };
}
