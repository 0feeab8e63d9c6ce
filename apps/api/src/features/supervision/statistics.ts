import type { Statistics } from '@em/contract';
import { type Db, schema } from '@em/db';
import { type CalendarDay, durationInDays, parisDayRange, parisWeeks, parseCalendarDay, quantile } from '@em/domain';
import { and, between, isNotNull, type SQL } from 'drizzle-orm';
import { badRequest } from '../../http/errors.js';

const { dossiers } = schema;
const MAX_PERIOD_DAYS = 731;

function period(fromText: string, toText: string): { from: CalendarDay; to: CalendarDay } {
  const from = parseCalendarDay(fromText);
  const to = parseCalendarDay(toText);
  if (!from || !to) throw badRequest('Période invalide : dates AAAA-MM-JJ attendues.');
  const days = (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000;
  if (days < 0) throw badRequest('Période invalide : la date de fin précède la date de début.');
  if (days > MAX_PERIOD_DAYS) throw badRequest('Période trop longue : deux ans au plus.');
  return { from, to };
}

const figures = (durations: number[]) => ({
  count: durations.length,
  median_days: round(quantile(durations, 0.5)),
  p90_days: round(quantile(durations, 0.9)),
});
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Deposits and decisions (complete, closed as incomplete) per Paris week, and the time from deposit
 * to complete (median, 90th percentile) of the files declared complete in the period, overall and per week.
 * Only instants are read, a few per dossier: a préfecture's year fits easily.
 */
export function buildStatistics(db: Db, scope: SQL, fromText: string, toText: string): Statistics {
  const { from, to } = period(fromText, toText);
  const { start, end } = parisDayRange(from, to);
  const { weekStarts, indexOf } = parisWeeks(from, to);
  const weeks = weekStarts.map(() => ({ deposits: 0, completed: 0, closed: 0, durations: [] as number[] }));
  const bucket = (instant: Date) => weeks[indexOf(instant)]!;

  const instants = (column: typeof dossiers.depositedAt | typeof dossiers.closedAt | typeof dossiers.completedAt) =>
    db
      .select({ at: column, depositedAt: dossiers.depositedAt })
      .from(dossiers)
      .where(and(scope, isNotNull(column), between(column, start, end)))
      .all();
  for (const { at } of instants(dossiers.depositedAt)) bucket(at!).deposits++;
  for (const { at } of instants(dossiers.closedAt)) bucket(at!).closed++;
  const all: number[] = [];
  for (const { at, depositedAt } of instants(dossiers.completedAt)) {
    const week = bucket(at!);
    week.completed++;
    if (depositedAt) {
      const days = durationInDays(depositedAt, at!);
      week.durations.push(days);
      all.push(days);
    }
  }
  return {
    from: fromText,
    to: toText,
    weeks: weeks.map(({ durations, ...counts }, index) => ({ week_start: weekStarts[index]!, ...counts, ...figures(durations) })),
    time_to_complete: figures(all),
  };
}
