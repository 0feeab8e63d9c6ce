import { REMINDER_DAYS_BEFORE_DEADLINE } from './deadline.js';
import { addDays, type CalendarDay, isoDay, parisDay, parisWallTime, weekday } from './paris-time.js';
import type { Status } from './statuses.js';

/** « Échéances » dashboard: a deadline is « proche » when it falls within the reminder window. */
export const DEADLINE_SOON_DAYS = REMINDER_DAYS_BEFORE_DEADLINE;
/** A deposited file nobody took for more than this many days is late to start. */
export const NOT_TAKEN_DAYS = 7;
/** A file within this many days of its implicit-decision date needs a decision. */
export const IMPLICIT_DECISION_WARNING_DAYS = 30;

/** Dossiers still with the préfecture, which a supervisor may (re)assign; a deposited one is then « en examen ». */
export const ASSIGNABLE_STATUSES = ['deposee', 'en_examen', 'complement_demande', 'complement_recu'] as const satisfies readonly Status[];
/** The statuses of the agents' workload on « Échéances »: what they hold and must act on. */
export const WORKLOAD_STATUSES = ['en_examen', 'complement_demande', 'complement_recu'] as const satisfies readonly Status[];

const DAY_MS = 24 * 3600 * 1000;
const endOfParisDay = (day: CalendarDay) => parisWallTime(day, 23, 59, 59, 999);

/** The instants the dashboard's figures compare with, for a given `now`. */
export function dashboardBounds(now: Date) {
  const today = parisDay(now);
  return {
    /** Deadlines up to the end of the fifth Paris day from today. */
    deadlineSoonUntil: endOfParisDay(addDays(today, DEADLINE_SOON_DAYS)),
    /** Deposited before this instant and still « à traiter ». */
    notTakenBefore: new Date(now.getTime() - NOT_TAKEN_DAYS * DAY_MS),
    /** Implicit decisions falling up to the end of the thirtieth Paris day from today (or already passed). */
    implicitDecisionUntil: endOfParisDay(addDays(today, IMPLICIT_DECISION_WARNING_DAYS)),
  };
}

/** Whole days elapsed between two instants, rounded down (« depuis 3 jours »). */
export function elapsedDays(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** The statistics' period until the supervisor picks another: the last twelve weeks, Paris days. */
export function defaultStatisticsPeriod(now: Date): { from: string; to: string } {
  const today = parisDay(now);
  return { from: isoDay(addDays(today, -83)), to: isoDay(today) };
}

/**
 * The Paris weeks (Monday to Sunday) touching [from, to]: their Mondays as YYYY-MM-DD, and each
 * Monday's first instant (00:00 Paris, in milliseconds), where statistics cut their weeks.
 */
export function parisWeeks(from: CalendarDay, to: CalendarDay) {
  const mondays: CalendarDay[] = [];
  const last = isoDay(to);
  for (let monday = addDays(from, -((weekday(from) + 6) % 7)); isoDay(monday) <= last; monday = addDays(monday, 7)) mondays.push(monday);
  return {
    weekStarts: mondays.map(isoDay),
    mondayInstants: mondays.map((monday) => parisWallTime(monday, 0, 0, 0).getTime()),
  };
}

/** A YYYY-MM-DD calendar day, or null when the text is not one. */
export function parseCalendarDay(text: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isoDay(addDays(day, 0)) === text ? day : null;
}

/** The instants bounding Paris days [from, to]: from the first day's midnight to the end of the last one. */
export function parisDayRange(from: CalendarDay, to: CalendarDay): { start: Date; end: Date } {
  return { start: parisWallTime(from, 0, 0, 0), end: endOfParisDay(to) };
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of numbers sorted in increasing order, interpolated between the two
 * nearest ranks (the usual « type 7 » definition: the median of 1, 2, 3, 4 is 2.5); null without values.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Days between two instants, to one decimal (time from deposit to complete). */
export function durationInDays(from: Date | number, to: Date | number): number {
  return Math.round(((Number(to) - Number(from)) / DAY_MS) * 10) / 10;
}
