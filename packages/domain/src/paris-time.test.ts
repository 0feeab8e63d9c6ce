import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDayLabel,
  formatParisDate,
  formatParisLongDate,
  isoDay,
  parisDate,
  parisDateTime,
  parisDay,
  parisLongDate,
  parisWallTime,
  weekday,
} from './paris-time.js';

const utc = (iso: string) => new Date(iso);

describe('parisDay', () => {
  it('is the calendar day on a wall in Paris, not in UTC nor in the process time zone', () => {
    expect(parisDay(utc('2023-10-05T21:30:00Z'))).toEqual({ year: 2023, month: 10, day: 5 }); // 23:30 CEST
    expect(parisDay(utc('2023-10-05T22:00:00Z'))).toEqual({ year: 2023, month: 10, day: 6 }); // 00:00 CEST
    expect(parisDay(utc('2026-02-10T22:59:59.999Z'))).toEqual({ year: 2026, month: 2, day: 10 }); // 23:59:59.999 CET
    expect(parisDay(utc('2026-02-10T23:00:00Z'))).toEqual({ year: 2026, month: 2, day: 11 }); // 00:00 CET
    expect(parisDay(utc('2026-12-31T23:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1 }); // New Year in Paris
    expect(parisDay(utc('2026-12-31T22:59:59Z'))).toEqual({ year: 2026, month: 12, day: 31 });
  });
  it('agrees with Intl every 10 minutes across both 2026 switches and the old tables of 1940–1945', () => {
    const intlDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
    const starts = [Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23), Date.UTC(1940, 5, 10), Date.UTC(1945, 8, 14)];
    for (const start of starts) {
      for (let ms = start; ms < start + 5 * 86_400_000; ms += 600_000) {
        const instant = new Date(ms);
        expect(isoDay(parisDay(instant))).toBe(intlDay.format(instant));
      }
    }
  });
});

describe('parisWallTime', () => {
  it('ordinary days, winter and summer', () => {
    expect(parisWallTime({ year: 2026, month: 1, day: 15 }, 10, 0, 0).toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(parisWallTime({ year: 2026, month: 7, day: 15 }, 10, 0, 0).toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(parisWallTime({ year: 2026, month: 7, day: 15 }, 23, 59, 59, 999).toISOString()).toBe('2026-07-15T21:59:59.999Z');
    expect(parisWallTime({ year: 2026, month: 1, day: 1 }, 0, 0, 0).toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  it('on the spring-forward Sunday (29 Mar 2026: 02:00 CET → 03:00 CEST)', () => {
    const day = { year: 2026, month: 3, day: 29 };
    expect(parisWallTime(day, 0, 0, 0).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisWallTime(day, 1, 59, 59).toISOString()).toBe('2026-03-29T00:59:59.000Z');
    expect(parisWallTime(day, 3, 0, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(parisWallTime(day, 12, 0, 0).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(parisWallTime(day, 23, 59, 59, 999).toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });

  it('on the fall-back Sunday (25 Oct 2026: 03:00 CEST → 02:00 CET)', () => {
    const day = { year: 2026, month: 10, day: 25 };
    expect(parisWallTime(day, 0, 0, 0).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisWallTime(day, 1, 59, 59).toISOString()).toBe('2026-10-24T23:59:59.000Z');
    expect(parisWallTime(day, 3, 0, 0).toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(parisWallTime(day, 12, 0, 0).toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(parisWallTime(day, 23, 59, 59, 999).toISOString()).toBe('2026-10-25T22:59:59.999Z');
    // 02:30 happens twice: either instant is a correct answer.
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(parisWallTime(day, 2, 30, 0).toISOString());
  });

  it('round-trips with parisDay for every hour of 2026', () => {
    const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3600_000) {
      const instant = new Date(t);
      const day = parisDay(instant);
      const hour = Number(hourFormat.format(instant));
      if (day.month === 10 && day.day === 25 && hour === 2) continue; // ambiguous hour
      expect(parisWallTime(day, hour, 0, 0).getTime()).toBe(t);
    }
  });
});

describe('calendar-day helpers', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays({ year: 2026, month: 6, day: 29 }, 15)).toEqual({ year: 2026, month: 7, day: 14 });
    expect(addDays({ year: 2026, month: 12, day: 25 }, 10)).toEqual({ year: 2027, month: 1, day: 4 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('weekday: 0 = Sunday … 6 = Saturday', () => {
    expect(weekday({ year: 2026, month: 7, day: 14 })).toBe(2); // Tuesday
    expect(weekday({ year: 2026, month: 3, day: 29 })).toBe(0); // Sunday
    expect(weekday({ year: 2026, month: 4, day: 4 })).toBe(6); // Saturday
    expect(weekday({ year: 2023, month: 10, day: 5 })).toBe(4); // Thursday
  });

  it('isoDay pads', () => {
    expect(isoDay({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
  });
});

describe('French formatting in Paris', () => {
  it('formatParisDate gives « 05/10/2023 »', () => {
    expect(formatParisDate(utc('2023-10-05T10:00:00Z'))).toBe('05/10/2023');
    // 23:30 Paris on the 5th is still the 5th; 00:30 Paris on the 6th is the 6th.
    expect(formatParisDate(utc('2023-10-05T21:30:00Z'))).toBe('05/10/2023');
    expect(formatParisDate(utc('2023-10-05T22:30:00Z'))).toBe('06/10/2023');
  });

  it('formatParisDate writes what Intl’s fr-FR date writes in Paris, minute by minute around both changes of time', () => {
    const intl = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
    for (const around of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-12-31T23:00:00Z']) {
      for (let minute = -180; minute <= 180; minute++) {
        const instant = new Date(utc(around).getTime() + minute * 60_000 - 1);
        expect(formatParisDate(instant), instant.toISOString()).toBe(intl.format(instant));
      }
    }
  });

  it('formatParisDate of a deadline shows the last day', () => {
    expect(formatParisDate(utc('2026-07-15T21:59:59.999Z'))).toBe('15/07/2026');
    expect(formatParisDate(utc('2026-10-30T22:59:59.999Z'))).toBe('30/10/2026');
  });

  it('formatParisLongDate gives « jeudi 5 octobre 2023 »', () => {
    expect(formatParisLongDate(utc('2023-10-05T21:30:00Z'))).toBe('jeudi 5 octobre 2023');
  });

  it('formatParisLongDate writes the first of the month « 1er », in Paris', () => {
    expect(formatParisLongDate(utc('2026-12-01T10:00:00Z'))).toBe('mardi 1er décembre 2026');
    // 30 November 23:30 UTC is already 1 December in Paris.
    expect(formatParisLongDate(utc('2026-11-30T23:30:00Z'))).toBe('mardi 1er décembre 2026');
    expect(formatParisLongDate(utc('2026-12-11T10:00:00Z'))).toBe('vendredi 11 décembre 2026');
  });
});

describe('the screens’ date helpers', () => {
  it('read the API’s ISO instants and show Paris wall time, summer and winter', () => {
    expect(parisDateTime('2026-07-15T21:59:59.999Z')).toBe('15/07/2026 à 23:59');
    expect(parisDateTime('2026-01-15T23:30:00Z')).toBe('16/01/2026 à 00:30');
    expect(parisDate('2026-07-15T22:00:00Z')).toBe('16/07/2026');
    expect(parisLongDate('2023-10-05T10:00:00Z')).toBe('jeudi 5 octobre 2023');
  });

  it('show the placeholder given when there is no date, or one that cannot be read', () => {
    expect(parisDate(null)).toBe('—');
    expect(parisDateTime(undefined)).toBe('—');
    expect(parisLongDate('', '')).toBe('');
    expect(parisDate('pas une date', '')).toBe('');
  });

  it('a calendar day (no time zone) keeps its digits', () => {
    expect(calendarDayLabel('2020-03-10')).toBe('10/03/2020');
    expect(calendarDayLabel(null)).toBe('—');
  });
});
