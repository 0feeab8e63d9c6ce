import type { WorkqueueCounts } from '@em/contract';
import { type Db, schema } from '@em/db';
import { type DossierSort, STATUSES, WORKQUEUES, type Workqueue } from '@em/domain';
import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';
import { cachedPerDatabase } from '../../http/prepared.js';
import { filterValues, type ListQuery } from '../../http/react-admin.js';
import { dossierListConditions, dossierListItems, dossierSortColumn, workqueueFilter } from './queries.js';
import { staffCountScope, staffDossierScope, staffPrefecture } from './scope.js';
import { isTrigramSearch } from './search.js';

const { dossiers } = schema;

/** A transaction that only reads: it never takes the write lock. */
const READ_ONLY = { behavior: 'deferred' } as const;

/** Its value, made on first use. */
const lazy = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/**
 * The total of a plain workqueue or status list (no search, no other filter, no deadline condition),
 * read from the counts the triggers of migration 0006 keep per préfecture and status; undefined for
 * any other filter, whose total is counted.
 */
function keptTotal(db: Db, countScope: SQL, filter: Record<string, unknown>): (() => number) | undefined {
  const plain = Object.entries(filter).every(
    ([name, value]) => name === 'queue' || name === 'status' || (name === 'q' && typeof value === 'string' && !value.trim()),
  );
  const queue = workqueueFilter(filter);
  if (!plain || queue?.deadline) return undefined;
  let statuses: readonly unknown[] = queue?.statuses ?? STATUSES;
  const filtered = filterValues(filter, 'status');
  if (filtered) statuses = statuses.filter((status) => filtered.includes(status));
  if (statuses.length === 0) return () => 0;
  const kept = db
    .select({ total: sql<number>`coalesce(sum(count), 0)` })
    .from(sql`dossier_counts`)
    .where(
      sql`${countScope} AND status IN (${sql.join(
        statuses.map((status) => sql`${status}`),
        sql`, `,
      )})`,
    )
    .prepare();
  return () => kept.get()?.total ?? 0;
}

/** The one préfecture a staff member's list lies in: theirs, or the admin's préfecture filter. */
function onePrefectureOf(staff: StaffUser, filter: Record<string, unknown>): string | undefined {
  const filtered = typeof filter.prefecture_code === 'string' && filter.prefecture_code ? filter.prefecture_code : undefined;
  return staffPrefecture(staff) ?? filtered;
}

/** A list request's queries, built and prepared: its page of ids (with a search's number of matches), and its total. */
function compileList(db: Db, staff: StaffUser, query: ListQuery, now: Date) {
  const where = and(staffDossierScope(staff), ...dossierListConditions(query.filter, now, onePrefectureOf(staff, query.filter)));
  const sort = query.sort ?? workqueueFilter(query.filter)?.defaultSort ?? { field: 'deposited_at', order: 'DESC' };
  const column = dossierSortColumn(sort.field as DossierSort['field']);
  const order = sort.order === 'ASC' ? asc : desc;
  const search = isTrigramSearch(query.filter);
  const page = db
    // As SQL, not as the column: Drizzle would not see that the source is the dossiers table.
    .select({ id: sql<number>`${dossiers.id}`, ...(search && { matches: sql<number>`count(*) OVER ()` }) })
    .from(search ? sql`${dossiers} NOT INDEXED` : dossiers)
    .where(where)
    .orderBy(order(column), order(dossiers.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .prepare();
  const counting = lazy(() => db.select({ count: sql<number>`count(*)` }).from(dossiers).where(where).prepare());
  const countAll = () => counting().get()?.count ?? 0;
  return { page, search, countAll, kept: search ? undefined : keptTotal(db, staffCountScope(staff), query.filter) };
}

/**
 * Lists asked again and again (a tab, its count, the next page) reuse their built and prepared
 * queries: building the query with Drizzle and preparing it cost more than running it. A list whose
 * conditions depend on the clock (a deadline) is built each time.
 */
const compiledLists = cachedPerDatabase<ReturnType<typeof compileList>>(256);

export function listDossiers(db: Db, staff: StaffUser, query: ListQuery, now: Date) {
  const compile = () => compileList(db, staff, query, now);
  const usesClock = workqueueFilter(query.filter)?.deadline !== undefined;
  const shape = JSON.stringify([staff.role, staffPrefecture(staff) ?? null, query.filter, query.sort ?? null, query.range]);
  const list = usesClock ? compile() : compiledLists(db, shape, compile);
  // One read transaction: the page, its records and its total from the same snapshot.
  return db.transaction(() => {
    const rows = list.page.all();
    const ids = rows.map((row) => row.id);
    // A search sorts every match anyway: that walk counts them too (count(*) OVER ()), unless the page is past the end.
    const total = list.search ? (rows[0]?.matches ?? (query.range.offset > 0 ? list.countAll() : 0)) : (list.kept?.() ?? list.countAll());
    return { rows: dossierListItems(db, ids, now), total };
  }, READ_ONLY);
}

/** Each tab's total when the list's other filters are none: the kept totals, and the deadline tabs by their index. */
function plainCounts(db: Db, staff: StaffUser, now: Date): WorkqueueCounts {
  const range = { offset: 0, limit: 0 };
  return Object.fromEntries(
    WORKQUEUES.map((queue) => [queue.slug, listDossiers(db, staff, { filter: { queue: queue.slug }, sort: null, range }, now).total]),
  ) as WorkqueueCounts;
}

/**
 * How many dossiers each tab holds under the list's other filters (its `queue` aside). A search or a
 * filter is walked once, its matches counted by status and by deadline, rather than once per tab:
 * the console asks every tab's count with each search.
 */
export function workqueueCounts(db: Db, staff: StaffUser, filter: Record<string, unknown>, now: Date): WorkqueueCounts {
  const { queue: _queue, ...others } = filter;
  if (Object.entries(others).every(([name, value]) => name === 'q' && typeof value === 'string' && !value.trim())) {
    return plainCounts(db, staff, now);
  }
  const where = and(staffDossierScope(staff), ...dossierListConditions(others, now, onePrefectureOf(staff, others)));
  const at = now.getTime();
  const byStatus = db
    .select({
      // As SQL, not as the column: the source may be the table NOT INDEXED (see compileList).
      status: sql<string>`${dossiers.status}`,
      all: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(${dossiers.deadlineAt} < ${at}), 0)`,
      running: sql<number>`coalesce(sum(${dossiers.deadlineAt} >= ${at}), 0)`,
    })
    .from(isTrigramSearch(others) ? sql`${dossiers} NOT INDEXED` : dossiers)
    .where(where)
    .groupBy(sql`${dossiers.status}`)
    .all();
  return Object.fromEntries(
    WORKQUEUES.map((queue: Workqueue) => {
      const counted = byStatus.filter((row) => (queue.statuses as readonly string[]).includes(row.status));
      return [queue.slug, counted.reduce((sum, row) => sum + row[queue.deadline ?? 'all'], 0)];
    }),
  ) as WorkqueueCounts;
}
