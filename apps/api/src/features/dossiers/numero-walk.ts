import { type Db, schema } from '@em/db';
import { depositDaySpans } from '@em/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { NumeroDigitsSearch } from './search.js';

const { dossiers } = schema;

/** What the list asks besides the digits: its other conditions, its order, its page. */
type WalkedList = {
  where: SQL | undefined;
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
 * never changed; checked on the million's 850,004 numéros). The page walks the deposits' index (covering: préfecture, deposit, status) one of
 * those days, or run of days, at a time in the page's order, each entry tested against the matches,
 * and stops at its last row; the total is the number of matches, or, in a tab, counted the same way.
 * Each match looked up for its deposit, then sorted, took ~1.7 µs (« 20261116 »: 6,415 dossiers of
 * the Nord deposited that day). A walk over all the days at once sorted them all.
 */
export function compileNumeroWalk(db: Db, ranged: NumeroDigitsSearch & { isFound: SQL }, list: WalkedList) {
  const dates = db
    .selectDistinct({ date: sql<string>`substr(numero, ${ranged.dateAt}, 8)` })
    .from(sql`(${ranged.found})`)
    .prepare();
  const source = sql`${dossiers} INDEXED BY dossiers_scope_deposited_idx`;
  const inSpan = and(
    list.where,
    ranged.isFound,
    sql`${dossiers.depositedAt} >= ${sql.placeholder('opens')} AND ${dossiers.depositedAt} < ${sql.placeholder('closes')}`,
  );
  const walk = db
    .select({ id: sql<number>`${dossiers.id}` })
    .from(source)
    .where(inSpan)
    .orderBy(...list.orderBy)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare();
  const countInSpan = db.select({ count: sql<number>`count(*)` }).from(source).where(inSpan).prepare();
  const countMatches = db.select({ count: sql<number>`count(*)` }).from(sql`(${ranged.found})`).prepare();

  /** The values of each span's walk, in the page's order. */
  const spans = (now: Date) => {
    const ascending = depositDaySpans(dates.all().map((row) => row.date));
    return (list.descending ? ascending.reverse() : ascending).map(([opens, closes]) => ({ ...list.values(now), opens, closes }));
  };
  const page = (now: Date) => {
    const rows: { id: number }[] = [];
    let skip = list.range.offset;
    for (const values of spans(now)) {
      if (rows.length >= list.range.limit) break;
      if (skip > 0) {
        const inSpan = countInSpan.get(values)?.count ?? 0;
        if (inSpan <= skip) {
          skip -= inSpan;
          continue;
        }
      }
      rows.push(...walk.all({ ...values, limit: list.range.limit - rows.length, offset: skip }));
      skip = 0;
    }
    return rows;
  };
  const total = (now: Date) =>
    list.everyMatch ? (countMatches.get()?.count ?? 0) : spans(now).reduce((sum, values) => sum + (countInSpan.get(values)?.count ?? 0), 0);
  return { page, total };
}
