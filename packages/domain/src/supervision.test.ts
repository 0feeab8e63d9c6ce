import { describe, expect, it } from 'vitest';
import { csvDate, csvField, csvLine } from './csv.js';
import { implicitDecisionAfterSuspensions, implicitDecisionOf } from './deadline.js';
import { can, STAFF_PERMISSIONS } from './permissions.js';
import { STAFF_ROLES } from './roles.js';
import {
  dashboardBounds,
  defaultStatisticsPeriod,
  durationInDays,
  elapsedDays,
  parisWeeks,
  parseCalendarDay,
  quantileOfSorted,
} from './supervision.js';

const utc = (iso: string) => new Date(iso);

describe('implicit decision with the clock suspended while pieces are awaited (CRPA L114-5)', () => {
  const deposit = utc('2026-03-02T10:00:00Z'); // Monday 2 March 2026, Paris

  it('falls four months after the deposit without a complement request: 2 July 2026, end of day', () => {
    expect(implicitDecisionAfterSuspensions(deposit, [])?.toISOString()).toBe('2026-07-02T21:59:59.999Z');
  });

  it('moves by the calendar days pieces were awaited: 10 → 20 March is 10 days, so 12 July', () => {
    const suspensions = [{ from: utc('2026-03-10T09:00:00Z'), to: utc('2026-03-20T17:00:00Z') }];
    expect(implicitDecisionAfterSuspensions(deposit, suspensions)?.toISOString()).toBe('2026-07-12T21:59:59.999Z');
  });

  it('adds up several rounds and counts Paris days (an answer at 00:30 Paris is the next day)', () => {
    const suspensions = [
      { from: utc('2026-03-10T09:00:00Z'), to: utc('2026-03-20T17:00:00Z') }, // 10 days
      { from: utc('2026-04-01T09:00:00Z'), to: utc('2026-04-03T22:30:00Z') }, // 1 April → 4 April (00:30 Paris): 3 days
    ];
    expect(implicitDecisionAfterSuspensions(deposit, suspensions)?.toISOString()).toBe('2026-07-15T21:59:59.999Z');
  });

  it('is unknown while pieces are still awaited', () => {
    expect(implicitDecisionAfterSuspensions(deposit, [{ from: utc('2026-03-10T09:00:00Z'), to: null }])).toBeNull();
  });

  it('crosses a month end after the suspension: 31 Oct 2025 → 28 Feb 2026, + 3 days = 3 March 2026', () => {
    const suspensions = [{ from: utc('2025-11-03T10:00:00Z'), to: utc('2025-11-06T10:00:00Z') }];
    expect(implicitDecisionAfterSuspensions(utc('2025-10-31T10:00:00Z'), suspensions)?.toISOString()).toBe('2026-03-03T22:59:59.999Z');
  });

  it('has no date before the deposit or once the file is closed or abandoned', () => {
    expect(implicitDecisionOf('complete', deposit, [])?.toISOString()).toBe('2026-07-02T21:59:59.999Z');
    expect(implicitDecisionOf('cloturee_incomplete', deposit, [])).toBeNull();
    expect(implicitDecisionOf('abandonnee', null, [])).toBeNull();
    expect(implicitDecisionOf('brouillon', null, [])).toBeNull();
  });
});

describe('dashboard bounds', () => {
  it('counts Paris days for the deadline and implicit-decision windows, 7 × 24 h for « non pris en charge »', () => {
    const bounds = dashboardBounds(utc('2026-03-02T09:00:00Z'));
    expect(bounds.deadlineSoonUntil.toISOString()).toBe('2026-03-07T22:59:59.999Z');
    expect(bounds.implicitDecisionUntil.toISOString()).toBe('2026-04-01T21:59:59.999Z'); // summer time from 29 March
    expect(bounds.notTakenBefore.toISOString()).toBe('2026-02-23T09:00:00.000Z');
  });

  it('tells whole days elapsed', () => {
    expect(elapsedDays(utc('2026-03-01T09:00:00Z'), utc('2026-03-04T08:59:00Z'))).toBe(2);
    expect(elapsedDays(utc('2026-03-01T09:00:00Z'), utc('2026-03-04T09:00:00Z'))).toBe(3);
  });
});

describe('weekly statistics', () => {
  it('groups by the Monday of the Paris week, summer time included', () => {
    const weeks = parisWeeks({ year: 2026, month: 3, day: 4 }, { year: 2026, month: 4, day: 1 });
    expect(weeks.weekStarts).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    // Monday 00:00 Paris: 23:00 UTC the day before in winter, 22:00 once summer time began (29 March, 02:00).
    expect(weeks.mondayInstants.map((instant) => new Date(instant).toISOString())).toEqual([
      '2026-03-01T23:00:00.000Z',
      '2026-03-08T23:00:00.000Z',
      '2026-03-15T23:00:00.000Z',
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
  });

  it('opens on the last twelve weeks, Paris days: a UTC evening may already be tomorrow there', () => {
    expect(defaultStatisticsPeriod(utc('2026-03-20T23:30:00Z'))).toEqual({ from: '2025-12-28', to: '2026-03-21' });
  });

  it('reads YYYY-MM-DD days and refuses impossible ones', () => {
    expect(parseCalendarDay('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseCalendarDay('2026-02-30')).toBeNull();
    expect(parseCalendarDay('28/02/2026')).toBeNull();
  });

  it('computes median and 90th percentile by interpolation', () => {
    expect(quantileOfSorted([], 0.5)).toBeNull();
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).toBeCloseTo(9.1);
    expect(quantileOfSorted([7], 0.9)).toBe(7);
    expect(durationInDays(utc('2026-03-01T00:00:00Z'), utc('2026-03-03T12:00:00Z'))).toBe(2.5);
  });
});

describe('CSV for French spreadsheets', () => {
  it('quotes fields holding the separator, quotes or line breaks, and defuses formulas', () => {
    expect(csvLine(['5901202603020000001', 'N’DIAYE; Awa', 'dit "Awa"', null, 3])).toBe(
      '5901202603020000001;"N’DIAYE; Awa";"dit ""Awa""";;3\r\n',
    );
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(true)).toBe('oui');
  });

  it('writes dates as JJ/MM/AAAA in Paris', () => {
    expect(csvDate(utc('2026-03-01T23:30:00Z'))).toBe('02/03/2026');
    expect(csvDate(null)).toBe('');
  });
});

describe('the role × action table', () => {
  it('gives the admin no case decision, no assignment and no closure, and the agent no supervisor tool', () => {
    for (const permission of ['decide', 'assign', 'bulk_close', 'auto_close_setting'] as const)
      expect(can('admin', permission)).toBe(false);
    for (const permission of ['dashboard', 'statistics', 'assign', 'bulk_close', 'export', 'manage_staff'] as const)
      expect(can('agent', permission)).toBe(false);
    expect(Object.values(STAFF_PERMISSIONS).every((roles) => roles.every((role) => STAFF_ROLES.includes(role)))).toBe(true);
  });
});
