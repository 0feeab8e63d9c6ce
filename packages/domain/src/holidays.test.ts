import { afterAll, describe, expect, it, vi } from 'vitest';
import { isPublicHoliday } from './holidays.js';
import { isoDay } from './paris-time.js';

const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: d };
};

/** French public holidays, written out by hand (Easter 2024: 31 Mar, 2025: 20 Apr, 2026: 5 Apr, 2027: 28 Mar). */
const NATIONAL: Record<number, string[]> = {
  2024: [
    '2024-01-01',
    '2024-04-01',
    '2024-05-01',
    '2024-05-08',
    '2024-05-09',
    '2024-05-20',
    '2024-07-14',
    '2024-08-15',
    '2024-11-01',
    '2024-11-11',
    '2024-12-25',
  ],
  2025: [
    '2025-01-01',
    '2025-04-21',
    '2025-05-01',
    '2025-05-08',
    '2025-05-29',
    '2025-06-09',
    '2025-07-14',
    '2025-08-15',
    '2025-11-01',
    '2025-11-11',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-08',
    '2026-05-14',
    '2026-05-25',
    '2026-07-14',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-03-29',
    '2027-05-01',
    '2027-05-08',
    '2027-05-06',
    '2027-05-17',
    '2027-07-14',
    '2027-08-15',
    '2027-11-01',
    '2027-11-11',
    '2027-12-25',
  ],
};
const ALSACE_EXTRA: Record<number, string[]> = {
  2024: ['2024-03-29', '2024-12-26'],
  2025: ['2025-04-18', '2025-12-26'],
  2026: ['2026-04-03', '2026-12-26'],
  2027: ['2027-03-26', '2027-12-26'],
};

function holidaysOfYear(check: (d: { year: number; month: number; day: number }, dep?: string) => boolean, year: number, dep?: string) {
  const found: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t);
    const cd = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (check(cd, dep)) found.push(isoDay(cd));
  }
  return found;
}

describe('isPublicHoliday', () => {
  it.each([2024, 2025, 2026, 2027])('national holidays of %i, and nothing else', (year) => {
    expect(holidaysOfYear(isPublicHoliday, year)).toEqual([...NATIONAL[year]!].sort());
    expect(holidaysOfYear(isPublicHoliday, year, '59')).toEqual([...NATIONAL[year]!].sort());
  });

  it.each([2024, 2025, 2026, 2027])('Alsace-Moselle adds Vendredi saint and 26 décembre in %i', (year) => {
    for (const dep of ['57', '67', '68']) {
      expect(holidaysOfYear(isPublicHoliday, year, dep)).toEqual([...NATIONAL[year]!, ...ALSACE_EXTRA[year]!].sort());
    }
  });

  it('14 juillet, 25 décembre; 26 décembre only in Alsace-Moselle', () => {
    expect(isPublicHoliday(day('2026-07-14'))).toBe(true);
    expect(isPublicHoliday(day('2026-12-25'))).toBe(true);
    expect(isPublicHoliday(day('2026-12-26'))).toBe(false);
    expect(isPublicHoliday(day('2026-12-26'), '67')).toBe(true);
    expect(isPublicHoliday(day('2026-12-26'), '75')).toBe(false);
  });
});

describe('isPublicHoliday does not depend on the process time zone', () => {
  // @socialgouv/jours-feries builds local-time midnights and adds 24 h steps (Easter ± n days),
  // so its Date objects shift with TZ. Reload the module under several zones and compare.
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each([
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'America/Los_Angeles',
    'Pacific/Kiritimati', // UTC+14
    'Pacific/Pago_Pago', // UTC−11
    'Asia/Tokyo',
    'Australia/Lord_Howe', // 30-minute DST
    'America/Santiago', // DST switch at midnight
    'America/St_Johns', // UTC−3:30 / −2:30
  ])('TZ=%s', async (tz) => {
    process.env.TZ = tz;
    // Make sure the zone really applied (Jan and Jul offsets, in minutes, as seen by Date).
    const offsets = [new Date(2026, 0, 1).getTimezoneOffset(), new Date(2026, 6, 1).getTimezoneOffset()];
    if (tz === 'America/New_York') expect(offsets).toEqual([300, 240]);
    if (tz === 'UTC') expect(offsets).toEqual([0, 0]);
    if (tz === 'Europe/Paris') expect(offsets).toEqual([-60, -120]);
    vi.resetModules();
    const fresh = await import('./holidays.js');
    for (const year of [2024, 2025, 2026, 2027]) {
      expect(holidaysOfYear(fresh.isPublicHoliday, year)).toEqual([...NATIONAL[year]!].sort());
      expect(holidaysOfYear(fresh.isPublicHoliday, year, '67')).toEqual([...NATIONAL[year]!, ...ALSACE_EXTRA[year]!].sort());
    }
    const deadlineModule = await import('./deadline.js');
    expect(deadlineModule.complementDeadline(new Date('2026-06-29T08:00:00Z')).toISOString()).toBe('2026-07-15T21:59:59.999Z');
    expect(deadlineModule.complementDeadline(new Date('2026-03-20T10:00:00Z')).toISOString()).toBe('2026-04-07T21:59:59.999Z');
    expect(deadlineModule.complementDeadline(new Date('2026-05-08T10:00:00Z')).toISOString()).toBe('2026-05-26T21:59:59.999Z');
    expect(deadlineModule.complementDeadline(new Date('2025-12-10T10:00:00Z'), '67').toISOString()).toBe('2025-12-29T22:59:59.999Z');
  });
});
