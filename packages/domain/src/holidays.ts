import getJoursFeries from '@socialgouv/jours-feries';
import { type CalendarDay, isoDay } from './paris-time.js';

/** Départements where Good Friday and 26 December are public holidays too (local law of Alsace-Moselle). */
const ALSACE_MOSELLE = new Set(['57', '67', '68']);

const cache = new Map<string, Set<string>>();

function holidaysOf(year: number, alsace: boolean): Set<string> {
  const key = `${year}:${alsace}`;
  let days = cache.get(key);
  if (!days) {
    const byName = getJoursFeries(year, { alsace }) as Record<string, Date>;
    // The library builds local-time midnights and adds 24 h steps; half a day absorbs any DST hour.
    days = new Set(
      Object.values(byName).map((date) => {
        const noon = new Date(date.getTime() + 12 * 3600 * 1000);
        return isoDay({ year: noon.getFullYear(), month: noon.getMonth() + 1, day: noon.getDate() });
      }),
    );
    cache.set(key, days);
  }
  return days;
}

export function isPublicHoliday(day: CalendarDay, departement?: string): boolean {
  return holidaysOf(day.year, departement !== undefined && ALSACE_MOSELLE.has(departement)).has(isoDay(day));
}
