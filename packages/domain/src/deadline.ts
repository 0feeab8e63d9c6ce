import { isPublicHoliday } from './holidays.js';
import { addDays, type CalendarDay, parisDay, parisWallTime, weekday } from './paris-time.js';
import type { Status } from './statuses.js';

export const COMPLEMENT_DELAY_DAYS = 15;
export const REMINDER_DAYS_BEFORE_DEADLINE = 5;
/** CESEDA R432-1/R432-2: four months of silence on a complete file is an implicit rejection. */
export const IMPLICIT_DECISION_MONTHS = 4;

export function isWorkingDay(day: CalendarDay, departement?: string): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !isPublicHoliday(day, departement);
}

/**
 * Domain §5: 15 calendar days counted from the day after the request is sent, ending at
 * 23:59:59 Europe/Paris; a last day on a Saturday, Sunday or public holiday moves to the
 * next working day.
 */
export function complementDeadline(sentAt: Date, departement?: string): Date {
  let lastDay = addDays(parisDay(sentAt), COMPLEMENT_DELAY_DAYS);
  while (!isWorkingDay(lastDay, departement)) lastDay = addDays(lastDay, 1);
  return parisWallTime(lastDay, 23, 59, 59, 999);
}

/** The reminder goes out at the start (Paris) of the day five days before the last day. */
export function reminderDueAt(deadline: Date): Date {
  return parisWallTime(addDays(parisDay(deadline), -REMINDER_DAYS_BEFORE_DEADLINE), 0, 0, 0);
}

export function isDeadlinePassed(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime();
}

/**
 * Date of the implicit rejection: four months after the file became complete, end of that day in Paris.
 * A delay in months ends on the same day of the month; when the target month has no such day
 * (31 October + 4 months), it ends on the last day of that month (29 February), never spilling over.
 */
export function implicitDecisionDate(completeAt: Date): Date {
  const day = parisDay(completeAt);
  const firstOfTarget = new Date(Date.UTC(day.year, day.month - 1 + IMPLICIT_DECISION_MONTHS, 1));
  const year = firstOfTarget.getUTCFullYear();
  const month = firstOfTarget.getUTCMonth() + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return parisWallTime({ year, month, day: Math.min(day.day, daysInMonth) }, 23, 59, 59, 999);
}

/** A time while pieces were awaited: from the request's sending to the applicant's answer (null: still awaited). */
export type Suspension = { from: Date; to: Date | null };

const DAY_MS = 24 * 3600 * 1000;
const dayNumber = (day: CalendarDay) => Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;

/**
 * Date of the implicit rejection of a deposited file: four months from the deposit (see
 * implicitDecisionDate), pushed back by every calendar day (Paris) pieces were awaited — CRPA L114-5
 * suspends the clock while the administration waits for the applicant. Null while pieces are still
 * awaited: the date is not known until the clock runs again.
 */
export function implicitDecisionAfterSuspensions(depositedAt: Date, suspensions: readonly Suspension[]): Date | null {
  let suspendedDays = 0;
  for (const { from, to } of suspensions) {
    if (to === null) return null;
    suspendedDays += Math.max(0, dayNumber(parisDay(to)) - dayNumber(parisDay(from)));
  }
  const lastDay = addDays(parisDay(implicitDecisionDate(depositedAt)), suspendedDays);
  return parisWallTime(lastDay, 23, 59, 59, 999);
}

/** Files on which the préfecture's silence still counts: deposited, neither closed nor abandoned. */
const SILENCE_COUNTS: readonly Status[] = ['deposee', 'en_examen', 'complement_demande', 'complement_recu', 'complete'];

/** The implicit-decision date a dossier shows: none before the deposit, after a closure, or while pieces are awaited. */
export function implicitDecisionOf(status: Status, depositedAt: Date | null, suspensions: readonly Suspension[]): Date | null {
  if (!depositedAt || !SILENCE_COUNTS.includes(status)) return null;
  return implicitDecisionAfterSuspensions(depositedAt, suspensions);
}
