import { type Db, schema } from '@em/db';
import { depositDaySpans } from '@em/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { NumeroDigitsSearch } from './search.js';

const { dossiers } = schema;

/** What the list asks besides the digits: its other conditions, its order, its page. */
type WalkedList = {
  where: SQL | undefined;
  /** The dossiers the matches are among: the préfecture's deposited ones. */
  scope: SQL | undefined;
  orderBy: SQL[];
  descending: boolean;
  range: { offset: number; limit: number };
  /** The matches are the total: no tab or status narrower than every deposited dossier. */
  everyMatch: boolean;
  values: (now: Date) => Record<string, unknown>;
};

/**
 * A search of 8 digits or more in one préfecture (dossierSearch's `ranged`), sorted by deposit: its
 * matches are found in the numéros' index without reading a dossier, and their numéros say their
 * deposit days (a numéro's date is its deposit's day in Paris: both set at deposit, deposit.ts, and
 * never changed; checked on the million's 850,004 numéros). The page walks the deposits' index
 * (covering: préfecture, deposit, status) one of those days, or run of days, at a time in the page's
 * order, each entry tested against the matches, and stops at its last row; the total is the number
 * of matches, or, in a tab, counted the same way.
 * Each match looked up for its deposit, then sorted, took ~1.7 µs (« 20261116 »: 6,415 dossiers of
 * the Nord deposited that day). A walk over all the days at once sorted them all.
 */
export function compileNumeroWalk(db: Db, ranged: NumeroDigitsSearch & { isFound: SQL }, list: WalkedList) {
  const byDate = db
    .select({ date: sql<string>`substr(numero, ${ranged.dateAt}, 8)`.as('deposit_date'), matches: sql<number>`count(*)` })
    .from(sql`(${ranged.found})`)
    .groupBy(sql`deposit_date`)
    .prepare();
  const source = sql`${dossiers} INDEXED BY dossiers_scope_deposited_idx`;
  const inSpan = sql`${dossiers.depositedAt} >= ${sql.placeholder('opens')} AND ${dossiers.depositedAt} < ${sql.placeholder('closes')}`;
  const statements = (where: SQL | undefined) => ({
    walk: db
      .select({ id: sql<number>`${dossiers.id}` })
      .from(source)
      .where(where)
      .orderBy(...list.orderBy)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
    count: db.select({ count: sql<number>`count(*)` }).from(source).where(where).prepare(),
  });
  /** A day, or run of days, of the matches: its values, its statements, and once counted its share of the list. */
  type Span = { values: Record<string, unknown>; statement: ReturnType<typeof statements>; count?: number };
  const tested = statements(and(list.where, ranged.isFound, inSpan));
  const untested = statements(and(list.where, inSpan));
  const deposits = db.select({ count: sql<number>`count(*)` }).from(source).where(and(list.scope, inSpan)).prepare();
  const countMatches = db.select({ count: sql<number>`count(*)` }).from(sql`(${ranged.found})`).prepare();

  /**
   * Each span's values and statements, in the page's order. A span where the préfecture has no
   * other deposit than the matches (its matches lie in it, and it holds as many: a deposit date's
   * digits) is walked without testing each entry against them, which built the set of matches (~3 ms
   * for 6,415).
   */
  const spans = (now: Date) => {
    const dates = byDate.all().map(({ date, matches }) => ({ date, matches, opens: depositDaySpans([date])[0]![0] }));
    const ascending = depositDaySpans(dates.map(({ date }) => date)).map(([opens, closes]): Span => {
      const values = { ...list.values(now), opens, closes };
      const matches = dates.reduce((sum, day) => sum + (day.opens >= opens && day.opens < closes ? day.matches : 0), 0);
      return { values, statement: deposits.get(values)?.count === matches ? untested : tested };
    });
    return list.descending ? ascending.reverse() : ascending;
  };
  /** How many of the list's dossiers a span holds, counted once per read of the spans. */
  const countOf = (span: Span) => (span.count ??= span.statement.count.get(span.values)?.count ?? 0);
  const totalOf = (read: Span[]) =>
    list.everyMatch ? (countMatches.get()?.count ?? 0) : read.reduce((sum, span) => sum + countOf(span), 0);
  /**
   * The page, from one read of the spans; a full page carries the list's total (`matches`, as a
   * search's count(*) OVER () does): one that is not full ends the list, its total known.
   */
  const page = (now: Date): { id: number; matches?: number }[] => {
    const read = spans(now);
    const rows: { id: number }[] = [];
    let skip = list.range.offset;
    for (const span of read) {
      if (rows.length >= list.range.limit) break;
      if (skip > 0 && countOf(span) <= skip) {
        skip -= countOf(span);
        continue;
      }
      rows.push(...span.statement.walk.all({ ...span.values, limit: list.range.limit - rows.length, offset: skip }));
      skip = 0;
    }
    if (rows.length < list.range.limit) return rows;
    const matches = totalOf(read);
    return rows.map((row) => ({ ...row, matches }));
  };
  return { page, total: (now: Date) => totalOf(spans(now)) };
}
