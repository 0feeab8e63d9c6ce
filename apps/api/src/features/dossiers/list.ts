import type { WorkqueueCounts } from '@em/contract';
import { type Db, readTransaction, SEARCH_STATUS_CODES, schema } from '@em/db';
import { DEPOSITED_STATUSES, type DossierSort, STATUSES, WORKQUEUES, type Workqueue } from '@em/domain';
import { and, asc, desc, eq, isNotNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';
import { cachedPerDatabase } from '../../http/prepared.js';
import { filterValues, integerFilter, type ListQuery } from '../../http/react-admin.js';
import { compileNumeroWalk } from './numero-walk.js';
import { dossierListConditions, dossierListItems, dossierSortOrder, listedStatuses, prefectureFilter, workqueueFilter } from './queries.js';
import { staffCountScope, staffDossierScope, staffPrefecture, statusLiterals } from './scope.js';
import { dossierSearch, isTrigramSearch, ROW_STATUS_CODE } from './search.js';

const { dossiers } = schema;

/** Its value, made on first use. */
const lazy = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** A filter whose totals the kept counts give: a tab, statuses, an agent, the admin's préfecture, a blank search. */
const isKeptFilter = (filter: Record<string, unknown>) =>
  Object.entries(filter).every(
    ([name, value]) =>
      ['queue', 'status', 'assignee_id', 'prefecture_code'].includes(name) || (name === 'q' && typeof value === 'string' && !value.trim()),
  );

/**
 * The total of a list filtered by tab, status, agent or préfecture only (no search, no other filter,
 * no deadline condition), read from the counts the triggers of migrations 0006 and 0010 keep per
 * préfecture, status and agent; undefined for any other filter, whose total is counted.
 */
function keptTotal(db: Db, countScope: SQL, filter: Record<string, unknown>): (() => number) | undefined {
  const queue = workqueueFilter(filter);
  if (!isKeptFilter(filter) || queue?.deadline) return undefined;
  let statuses: readonly unknown[] = queue?.statuses ?? STATUSES;
  const filtered = filterValues(filter, 'status');
  if (filtered) statuses = statuses.filter((status) => filtered.includes(status));
  if (statuses.length === 0) return () => 0;
  const assigneeId = integerFilter(filter, 'assignee_id');
  // The kept counts file the unassigned under agent 0, which a filter on 0 does not mean.
  if (assigneeId !== undefined && assigneeId < 1) return undefined;
  const prefectureCode = prefectureFilter(filter);
  const kept = db
    .select({ total: sql<number>`coalesce(sum(count), 0)` })
    .from(sql`dossier_counts`)
    .where(
      sql`${countScope} AND status IN (${statusLiterals(statuses as string[])})${assigneeId === undefined ? sql`` : sql` AND assignee_id = ${assigneeId}`}${
        prefectureCode === undefined ? sql`` : sql` AND prefecture_code = ${prefectureCode}`
      }`,
    )
    .prepare();
  return () => kept.get()?.total ?? 0;
}

/** The one préfecture a staff member's list lies in: theirs, or the admin's préfecture filter. */
const onePrefectureOf = (staff: StaffUser, filter: Record<string, unknown>) => staffPrefecture(staff) ?? prefectureFilter(filter);

/** What a list of these filters may hold: the staff member's scope, and every condition of the filters. */
const listWhere = (staff: StaffUser, filter: Record<string, unknown>, now: Date | Placeholder) =>
  and(staffDossierScope(staff), ...dossierListConditions(filter, now, onePrefectureOf(staff, filter)));

/**
 * The dossiers table as a list reads it: a search is driven by its matches, each looked up by id
 * (isTrigramSearch). In a select, the table's columns are then written as SQL, not as columns:
 * Drizzle would not see that the source is the dossiers table.
 */
const listSource = (filter: Record<string, unknown>) => (isTrigramSearch(filter) ? sql`${dossiers} NOT INDEXED` : dossiers);

/**
 * A search in one préfecture, filtered at most by tab (without a deadline) and status, whose
 * matches its own index finds: the trigram index's rows, by préfecture and status (`indexed`), or a
 * numéro's digits (`ranged`).
 */
function searchOfItsOwn(staff: StaffUser, filter: Record<string, unknown>) {
  const prefectureCode = onePrefectureOf(staff, filter);
  const byStatusOnly = Object.keys(filter).every((name) => ['q', 'queue', 'status', 'prefecture_code'].includes(name));
  if (prefectureCode === undefined || !byStatusOnly || workqueueFilter(filter)?.deadline) return undefined;
  return dossierSearch(filter.q, { prefectureCode, statuses: listedStatuses(filter) });
}

/**
 * Past this many matches, a search's page walks the préfecture's deposits in the page's order and
 * stops at its 25th match (every match noted once, ~0.15 µs each) rather than looking up and
 * sorting every match (~1.2 µs each): « di », 12,937 matches in the Nord at a million dossiers,
 * 24 → 3 ms. Fewer matches lie further apart in that walk: 1,000 of 425,000 cost each way ~1 ms.
 */
const WALK_FROM_MATCHES = 1000;

/** The instant a prepared list's deadline condition (« Délai dépassé ») is evaluated at, given at each run. */
const NOW = sql.placeholder('now');
const clock = (now: Date) => ({ now: now.getTime() });

/**
 * A list request's queries, built and prepared on first use: its page of ids (with a search's
 * number of matches) for its known total if any, and its total, each run at `now`.
 */
function compileList(db: Db, staff: StaffUser, query: ListQuery) {
  const sort = query.sort ?? workqueueFilter(query.filter)?.defaultSort ?? { field: 'deposited_at', order: 'DESC' };
  const columns = dossierSortOrder(sort.field as DossierSort['field']);
  // A tab's dossiers were all deposited. Said when sorted by deposit, the walk of the deposits' index
  // starts past the drafts (62,000 in the Nord at a million, read one by one before « Tous », oldest
  // first, found its first row); said otherwise, it turns the planner away from the deadlines' index.
  const deposited = workqueueFilter(query.filter) && columns.includes(dossiers.depositedAt) ? isNotNull(dossiers.depositedAt) : undefined;
  const order = sort.order === 'ASC' ? asc : desc;
  const search = isTrigramSearch(query.filter);
  // `counted`: the page counts every match too (count(*) OVER ()), as a search that sorts them all.
  const pageOf = (source: typeof dossiers | SQL, where: SQL | undefined, counted: boolean) =>
    db
      .select({ id: sql<number>`${dossiers.id}`, ...(counted && { matches: sql<number>`count(*) OVER ()` }) })
      .from(source)
      .where(and(where, deposited))
      .orderBy(...columns.map((column) => order(column)), order(dossiers.id))
      .limit(query.range.limit)
      .offset(query.range.offset)
      .prepare();
  const where = listWhere(staff, query.filter, NOW);
  const lookups = lazy(() => pageOf(listSource(query.filter), where, search));
  const counting = lazy(() => db.select({ count: sql<number>`count(*)` }).from(dossiers).where(where).prepare());
  const { indexed, ranged } = searchOfItsOwn(staff, query.filter) ?? {};
  if (ranged && columns.includes(dossiers.depositedAt)) {
    const statuses = listedStatuses(query.filter);
    const walk = compileNumeroWalk(db, ranged, {
      where: and(listWhere(staff, { ...query.filter, q: undefined }, NOW), deposited),
      scope: and(staffDossierScope(staff), eq(dossiers.prefectureCode, ranged.prefectureCode)),
      orderBy: [...columns.map((column) => order(column)), order(dossiers.id)],
      descending: sort.order !== 'ASC',
      range: query.range,
      everyMatch: !statuses || DEPOSITED_STATUSES.every((status) => statuses.includes(status)),
      values: clock,
    });
    return { page: walk.page, kept: undefined, total: walk.total };
  }
  if (!indexed) {
    const kept = search ? undefined : keptTotal(db, staffCountScope(staff), query.filter);
    return {
      page: (now: Date, _matches?: number) => lookups().all(clock(now)),
      kept,
      total: (now: Date) => kept?.() ?? counting().get(clock(now))?.count ?? 0,
    };
  }
  const indexCount = lazy(() => db.select({ count: sql<number>`count(*)` }).from(sql`dossiers_search`).where(indexed.match).prepare());
  const kept = () => indexCount().get()?.count ?? 0;
  // The deposits' index, and the statuses' (by deposit within a status), hold the order of a sort by
  // deposit or numéro, which says nothing of names (a date's digits are found together there): walked,
  // it stops at the page's last match. Left to itself, SQLite read the statuses' index whole for « Tous ».
  const oneStatus = listedStatuses(query.filter)?.length === 1;
  const walk = lazy(() =>
    pageOf(
      sql`${dossiers} INDEXED BY ${sql.raw(oneStatus ? 'dossiers_scope_status_idx' : 'dossiers_scope_deposited_idx')}`,
      and(listWhere(staff, { ...query.filter, q: undefined }, NOW), indexed.isFound),
      false,
    ),
  );
  const walks = columns.includes(dossiers.depositedAt) && indexed.undated;
  const page = (now: Date, matches?: number) =>
    (walks && matches !== undefined && matches >= WALK_FROM_MATCHES ? walk() : lookups()).all(clock(now));
  return { page, kept, total: kept };
}

/**
 * Lists asked again and again (a tab, its count, the next page) reuse their built and prepared
 * queries: building the query with Drizzle and preparing it cost more than running it (« Délai
 * dépassé », built at each request while its deadline condition held the clock’s value: 4.0 → 3.2 ms in process).
 */
const compiledLists = cachedPerDatabase<ReturnType<typeof compileList>>(256);

function compiledList(db: Db, staff: StaffUser, query: ListQuery) {
  const shape = JSON.stringify([staff.role, staffPrefecture(staff) ?? null, query.filter, query.sort ?? null, query.range]);
  return compiledLists(db, shape, () => compileList(db, staff, query));
}

export function listDossiers(db: Db, staff: StaffUser, query: ListQuery, now: Date) {
  const list = compiledList(db, staff, query);
  // One read transaction: the page, its records and its total from the same snapshot.
  return readTransaction(db, () => {
    // A kept total of nothing past the offset spares the page: SQLite would walk the préfecture's
    // sort index looking for rows that are not there (2 s at a million for an agent of another préfecture).
    const keptTotal = list.kept?.();
    if (keptTotal !== undefined && keptTotal <= query.range.offset) return { rows: [], total: keptTotal };
    const rows = list.page(now, keptTotal);
    const ids = rows.map((row) => row.id);
    // A page that is not full ends the list: its total is known without counting (« 20261116 » in
    // « À traiter », one dossier, counted over its day: 6.8 ms). A search that sorts every match
    // counts them too (count(*) OVER ()).
    const ended = rows.length < query.range.limit && (rows.length > 0 || query.range.offset === 0);
    const total = keptTotal ?? (ended ? query.range.offset + rows.length : (rows[0]?.matches ?? list.total(now)));
    return { rows: dossierListItems(db, ids, now), total };
  });
}

type StatusCount = { status: string; all: number; overdue: number; running: number };

/** The matches of these filters counted by status, and by deadline (passed or running), in one walk. */
function countByStatus(db: Db, staff: StaffUser, filter: Record<string, unknown>, now: Date): StatusCount[] {
  const at = now.getTime();
  return db
    .select({
      status: sql<string>`${dossiers.status}`,
      all: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(${dossiers.deadlineAt} < ${at}), 0)`,
      running: sql<number>`coalesce(sum(${dossiers.deadlineAt} >= ${at}), 0)`,
    })
    .from(listSource(filter))
    .where(listWhere(staff, filter, now))
    .groupBy(sql`${dossiers.status}`)
    .all();
}

/** The status of each number of SEARCH_STATUS_CODES. */
const STATUS_OF_CODE = new Map(Object.entries(SEARCH_STATUS_CODES).map(([status, code]) => [code, status]));

/**
 * A search the index alone decides, counted by status from its rows of the index; only the matches
 * awaiting complements are looked up, for their deadlines (« Délai dépassé »). « di » in the Nord
 * at a million dossiers: 29 → 10 ms, its 12,937 matches each looked up before.
 */
function countIndexedByStatus(db: Db, staff: StaffUser, filter: Record<string, unknown>, match: SQL, now: Date): StatusCount[] {
  const counted = db
    .select({ code: sql<number>`${ROW_STATUS_CODE}`, all: sql<number>`count(*)` })
    .from(sql`dossiers_search`)
    .where(match)
    .groupBy(ROW_STATUS_CODE)
    .all();
  const awaiting = listedStatuses(filter)?.includes('complement_demande') ?? true;
  const deadlines = awaiting ? countByStatus(db, staff, { ...filter, status: 'complement_demande' }, now) : [];
  return counted.map(({ code, all }) => {
    const status = STATUS_OF_CODE.get(code) ?? '';
    const deadline = deadlines.find((row) => row.status === status);
    return { status, all, overdue: deadline?.overdue ?? 0, running: deadline?.running ?? 0 };
  });
}

/**
 * How many dossiers each tab holds under the list's other filters (its `queue` aside): the console
 * asks every tab's count with each list. Filters the kept counts answer take each tab's total from
 * them (the deadline tabs by their index); a search or another filter is walked once, its matches
 * counted by status and by deadline, rather than once per tab.
 */
export function workqueueCounts(db: Db, staff: StaffUser, filter: Record<string, unknown>, now: Date): WorkqueueCounts {
  const { queue: _queue, ...others } = filter;
  const range = { offset: 0, limit: 0 };
  const tabTotal = (queue: Workqueue) =>
    compiledList(db, staff, { filter: { ...others, queue: queue.slug }, sort: null, range }).total(now);
  if (isKeptFilter(others)) return Object.fromEntries(WORKQUEUES.map((queue) => [queue.slug, tabTotal(queue)])) as WorkqueueCounts;
  const indexed = searchOfItsOwn(staff, others)?.indexed;
  const byStatus = indexed ? countIndexedByStatus(db, staff, others, indexed.match, now) : countByStatus(db, staff, others, now);
  return Object.fromEntries(
    WORKQUEUES.map((queue: Workqueue) => {
      const counted = byStatus.filter((row) => (queue.statuses as readonly string[]).includes(row.status));
      return [queue.slug, counted.reduce((sum, row) => sum + row[queue.deadline ?? 'all'], 0)];
    }),
  ) as WorkqueueCounts;
}
