import { numeroHead } from './numero.js';
import { addDays, parisWallTime } from './paris-time.js';

/** The fewest digits looked up by where they can sit in a numéro (numeroStartsContaining). */
export const NUMERO_SEARCH_DIGITS = 8;

const DATE_LENGTH = 8;
const SEQUENCE_LENGTH = 7;
const YEAR_LENGTH = 4;

/** Every month and day as MMDD, 31 days to each month: a day that never was only finds nothing. */
const MONTH_DAYS = Array.from({ length: 12 * 31 }, (_, i) => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(i / 31) + 1)}${two((i % 31) + 1)}`;
});

/**
 * Where `digits` may sit in a numéro of this département (département, « 01 », deposit date
 * YYYYMMDD, 7-digit sequence: numero.ts), as the starts of the numéros holding them: `known`
 * starts, and `dated` ones, each a year of the numéros (its first `yearDigits`), then one of
 * `tails` (the month and day digits before the digits), then the digits. Every numéro holding the
 * digits starts with one of them, and every numéro starting with one holds them: a lookup of the
 * numéros' unique index per start, where a search of the trigram index read every numéro of a
 * month (« 20261116 »). Only for 8 digits or more: fewer may lie in the sequence alone, after a date
 * that would then be any.
 */
export function numeroStartsContaining(
  digits: string,
  departement: string,
): { known: string[]; dated: { yearDigits: number; tails: string[] }[] } {
  if (!/^\d+$/.test(digits) || digits.length < NUMERO_SEARCH_DIGITS) {
    throw new RangeError(`${NUMERO_SEARCH_DIGITS} digits or more expected: ${digits}`);
  }
  const head = numeroHead(departement);
  const known: string[] = [];
  const dated: { yearDigits: number; tails: string[] }[] = [];
  for (let start = 0; start + digits.length <= head.length + DATE_LENGTH + SEQUENCE_LENGTH; start++) {
    const at = (position: number): string | undefined => digits[position - start];
    if (![...head].every((character, position) => at(position) === undefined || at(position) === character)) continue;
    // The month and day the digits cover must be a month's and a day's.
    const dateAt = head.length + YEAR_LENGTH;
    const monthDays = MONTH_DAYS.filter((monthDay) =>
      [...monthDay].every((character, i) => at(dateAt + i) === undefined || at(dateAt + i) === character),
    );
    if (monthDays.length === 0) continue;
    const dateBefore = start - head.length;
    if (dateBefore <= 0) known.push(head.slice(0, start) + digits);
    else {
      const tails = new Set(monthDays.map((monthDay) => monthDay.slice(0, Math.max(0, dateBefore - YEAR_LENGTH))));
      dated.push({ yearDigits: Math.min(dateBefore, YEAR_LENGTH), tails: [...tails] });
    }
  }
  return { known, dated };
}

/**
 * The instants of these deposit dates (YYYYMMDD, a numéro's), each a whole day in Paris, in order,
 * consecutive days as one span: what a walk of the deposits reads to meet the numéros of these dates.
 */
export function depositDaySpans(dates: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const date of [...new Set(dates)].sort()) {
    const day = { year: Number(date.slice(0, 4)), month: Number(date.slice(4, 6)), day: Number(date.slice(6, 8)) };
    const start = parisWallTime(day, 0, 0, 0).getTime();
    const end = parisWallTime(addDays(day, 1), 0, 0, 0).getTime();
    const last = spans.at(-1);
    if (last && last[1] === start) last[1] = end;
    else spans.push([start, end]);
  }
  return spans;
}
