import { describe, expect, it } from 'vitest';
import {
  COMPLEMENT_DELAY_DAYS,
  complementDeadline,
  implicitDecisionDate,
  isDeadlinePassed,
  isWorkingDay,
  reminderDueAt,
} from './deadline.js';

/**
 * Expected values are written as UTC instants, worked out by hand:
 * Paris is UTC+1 in winter (end of day = 22:59:59.999Z) and UTC+2 in summer (21:59:59.999Z).
 * Summer time 2026: from Sunday 29 March to Sunday 25 October.
 */
const utc = (iso: string) => new Date(iso);

/** Independent check of the weekday/date seen in Paris (not using the code under test). */
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long' });
const isoFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' });
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});
const parisWeekday = (d: Date) => weekdayFormat.format(d);
const parisIso = (d: Date) => isoFormat.format(d);
const parisClock = (d: Date) => clockFormat.format(d);

describe('complementDeadline (domain §5)', () => {
  it('is 15 calendar days', () => {
    expect(COMPLEMENT_DELAY_DAYS).toBe(15);
  });

  it('plain case: sent Mon 16 Feb 2026 → last day Tue 3 Mar 2026, 23:59:59.999 Paris (winter)', () => {
    // Day 1 = 17 Feb, day 15 = 3 Mar (2026 is not a leap year).
    const deadline = complementDeadline(utc('2026-02-16T09:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-03-03T22:59:59.999Z');
    expect(parisWeekday(deadline)).toBe('Tuesday');
    expect(parisClock(deadline)).toBe('23:59:59.999');
  });

  it('15th day on 14 juillet (Tue 14 Jul 2026) → Wed 15 Jul 2026', () => {
    // Sent Mon 29 Jun 2026; day 1 = 30 Jun, day 15 = 14 Jul (Fête nationale).
    const deadline = complementDeadline(utc('2026-06-29T08:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-07-15T21:59:59.999Z');
    expect(parisIso(deadline)).toBe('2026-07-15');
    expect(parisWeekday(deadline)).toBe('Wednesday');
  });

  it('15th day on 25 décembre (Fri 25 Dec 2026) → over the weekend to Mon 28 Dec 2026', () => {
    // Sent Thu 10 Dec 2026; day 15 = Fri 25 Dec; Sat 26, Sun 27 → Mon 28.
    const deadline = complementDeadline(utc('2026-12-10T10:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-12-28T22:59:59.999Z');
    expect(parisWeekday(deadline)).toBe('Monday');
  });

  it('15th day on 25 décembre (Thu 25 Dec 2025) → Fri 26 Dec 2025 outside Alsace-Moselle', () => {
    const sent = utc('2025-12-10T10:00:00Z');
    expect(complementDeadline(sent).toISOString()).toBe('2025-12-26T22:59:59.999Z');
    expect(complementDeadline(sent, '59').toISOString()).toBe('2025-12-26T22:59:59.999Z');
    expect(complementDeadline(sent, '75').toISOString()).toBe('2025-12-26T22:59:59.999Z');
  });

  it.each(['57', '67', '68'])('Alsace-Moselle (%s): 26 décembre is a holiday too → Mon 29 Dec 2025', (dep) => {
    const deadline = complementDeadline(utc('2025-12-10T10:00:00Z'), dep);
    expect(deadline.toISOString()).toBe('2025-12-29T22:59:59.999Z');
    expect(parisWeekday(deadline)).toBe('Monday');
  });

  it('Alsace-Moselle: Vendredi saint (Fri 3 Apr 2026) moves on, elsewhere not', () => {
    // Sent Thu 19 Mar 2026; day 15 = Fri 3 Apr 2026 (Good Friday; Easter is Sun 5 Apr 2026).
    const sent = utc('2026-03-19T10:00:00Z');
    expect(complementDeadline(sent).toISOString()).toBe('2026-04-03T21:59:59.999Z');
    // 67: Fri 3 (Vendredi saint), Sat 4, Sun 5, Mon 6 (Lundi de Pâques) → Tue 7 Apr.
    expect(complementDeadline(sent, '67').toISOString()).toBe('2026-04-07T21:59:59.999Z');
  });

  it('15th day on a Sunday → Monday (Sun 18 Jan 2026 → Mon 19 Jan 2026)', () => {
    const deadline = complementDeadline(utc('2026-01-03T12:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-01-19T22:59:59.999Z');
    expect(parisWeekday(deadline)).toBe('Monday');
  });

  it('15th day on a Saturday before Lundi de Pâques → Tuesday (Sat 4 Apr 2026 → Tue 7 Apr 2026)', () => {
    // Sent Fri 20 Mar 2026 (winter time), deadline in summer time.
    const deadline = complementDeadline(utc('2026-03-20T10:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-04-07T21:59:59.999Z');
    expect(parisWeekday(deadline)).toBe('Tuesday');
  });

  it('15th day on a Saturday before Lundi de Pentecôte → Tuesday (Sat 23 May 2026 → Tue 26 May 2026)', () => {
    // Sent Fri 8 May 2026 (itself a holiday: irrelevant for the start).
    const deadline = complementDeadline(utc('2026-05-08T10:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-05-26T21:59:59.999Z');
    expect(parisWeekday(deadline)).toBe('Tuesday');
  });

  it('Saturday 15 Aug (Assomption) → Monday 17 Aug 2026', () => {
    // Sent Fri 31 Jul 2026; day 15 = Sat 15 Aug.
    expect(complementDeadline(utc('2026-07-31T10:00:00Z')).toISOString()).toBe('2026-08-17T21:59:59.999Z');
  });

  it('Armistice (Wed 11 Nov 2026) → Thu 12 Nov 2026', () => {
    // Sent Tue 27 Oct 2026 (winter time).
    expect(complementDeadline(utc('2026-10-27T10:00:00Z')).toISOString()).toBe('2026-11-12T22:59:59.999Z');
  });

  describe('late-evening requests count from the Paris day', () => {
    it('23:30 Paris in winter (22:30Z), Tue 10 Feb 2026 → Wed 25 Feb 2026', () => {
      const sent = utc('2026-02-10T22:30:00Z');
      expect(parisIso(sent)).toBe('2026-02-10');
      expect(complementDeadline(sent).toISOString()).toBe('2026-02-25T22:59:59.999Z');
    });

    it('00:30 Paris on Wed 11 Feb 2026 is still 10 Feb in UTC (23:30Z) → counts from the 11th: Thu 26 Feb', () => {
      const sent = utc('2026-02-10T23:30:00Z');
      expect(parisIso(sent)).toBe('2026-02-11');
      expect(complementDeadline(sent).toISOString()).toBe('2026-02-26T22:59:59.999Z');
    });

    it('23:30 Paris in summer (21:30Z), Thu 25 Jun 2026 → Fri 10 Jul 2026', () => {
      const sent = utc('2026-06-25T21:30:00Z');
      expect(parisIso(sent)).toBe('2026-06-25');
      expect(complementDeadline(sent).toISOString()).toBe('2026-07-10T21:59:59.999Z');
    });

    it('00:30 Paris on Fri 26 Jun 2026 (22:30Z on the 25th) → day 15 = Sat 11 Jul → Mon 13 Jul', () => {
      const sent = utc('2026-06-25T22:30:00Z');
      expect(parisIso(sent)).toBe('2026-06-26');
      expect(complementDeadline(sent).toISOString()).toBe('2026-07-13T21:59:59.999Z');
    });

    it('the last millisecond of a Paris day and the first of the next differ by one day', () => {
      const a = complementDeadline(utc('2026-02-10T22:59:59.999Z')); // 23:59:59.999 Paris, Tue 10 Feb
      const b = complementDeadline(utc('2026-02-10T23:00:00.000Z')); // 00:00 Paris, Wed 11 Feb
      expect(a.toISOString()).toBe('2026-02-25T22:59:59.999Z');
      expect(b.toISOString()).toBe('2026-02-26T22:59:59.999Z');
    });
  });

  describe('across the daylight-saving switches', () => {
    it('sent before the last Sunday of March, deadline after it: 21:59:59.999Z', () => {
      // Sent Mon 16 Mar 2026 10:00 Paris (09:00Z, UTC+1); day 15 = Tue 31 Mar 2026 (UTC+2).
      const deadline = complementDeadline(utc('2026-03-16T09:00:00Z'));
      expect(deadline.toISOString()).toBe('2026-03-31T21:59:59.999Z');
      expect(parisClock(deadline)).toBe('23:59:59.999');
    });

    it('last day on the switch Sunday itself (29 Mar 2026) → Mon 30 Mar, summer time', () => {
      const deadline = complementDeadline(utc('2026-03-14T09:00:00Z'));
      expect(deadline.toISOString()).toBe('2026-03-30T21:59:59.999Z');
    });

    it('sent before the last Sunday of October, deadline after it: 22:59:59.999Z', () => {
      // Sent Thu 15 Oct 2026 10:00 Paris (08:00Z, UTC+2); day 15 = Fri 30 Oct 2026 (UTC+1).
      const deadline = complementDeadline(utc('2026-10-15T08:00:00Z'));
      expect(deadline.toISOString()).toBe('2026-10-30T22:59:59.999Z');
      expect(parisClock(deadline)).toBe('23:59:59.999');
    });

    it('last day on the October switch Sunday (25 Oct 2026) → Mon 26 Oct, winter time', () => {
      const deadline = complementDeadline(utc('2026-10-10T08:00:00Z'));
      expect(deadline.toISOString()).toBe('2026-10-26T22:59:59.999Z');
    });
  });

  it('always ends at 23:59:59.999 Paris on a working day, at least 15 days after the Paris day of sending', () => {
    // Every day of 2025–2027, at four times of day (including 00:00/23:00 Paris in winter and 01:00/00:00 in summer).
    let checked = 0;
    const problems: string[] = [];
    for (let t = Date.UTC(2025, 0, 1, 12); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      for (const hours of [-13, -1, 0, 10]) {
        const sent = new Date(t + hours * 3600_000);
        const deadline = complementDeadline(sent);
        const days = (Date.parse(`${parisIso(deadline)}T00:00:00Z`) - Date.parse(`${parisIso(sent)}T00:00:00Z`)) / 86_400_000;
        // At most 19: e.g. a Friday holiday, the weekend and a Monday holiday.
        if (parisClock(deadline) !== '23:59:59.999' || ['Saturday', 'Sunday'].includes(parisWeekday(deadline)) || days < 15 || days > 19) {
          problems.push(`${sent.toISOString()} → ${deadline.toISOString()}`);
        }
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(4000);
  });
});

describe('isWorkingDay', () => {
  it('weekends and holidays are not working days', () => {
    expect(isWorkingDay({ year: 2026, month: 7, day: 14 })).toBe(false); // Tue, Fête nationale
    expect(isWorkingDay({ year: 2026, month: 7, day: 15 })).toBe(true); // Wed
    expect(isWorkingDay({ year: 2026, month: 7, day: 18 })).toBe(false); // Sat
    expect(isWorkingDay({ year: 2026, month: 7, day: 19 })).toBe(false); // Sun
    expect(isWorkingDay({ year: 2025, month: 12, day: 26 })).toBe(true); // Fri
    expect(isWorkingDay({ year: 2025, month: 12, day: 26 }, '67')).toBe(false);
    expect(isWorkingDay({ year: 2025, month: 12, day: 26 }, '59')).toBe(true);
  });
});

describe('reminderDueAt', () => {
  it('00:00 Paris five days before the last day (summer)', () => {
    // Deadline Wed 15 Jul 2026 → reminder Fri 10 Jul 2026 00:00 Paris = 9 Jul 22:00Z.
    const deadline = complementDeadline(utc('2026-06-29T08:00:00Z'));
    expect(reminderDueAt(deadline).toISOString()).toBe('2026-07-09T22:00:00.000Z');
  });

  it('00:00 Paris five days before the last day (winter)', () => {
    // Deadline Tue 3 Mar 2026 → reminder Thu 26 Feb 2026 00:00 Paris = 25 Feb 23:00Z.
    expect(reminderDueAt(utc('2026-03-03T22:59:59.999Z')).toISOString()).toBe('2026-02-25T23:00:00.000Z');
  });

  it('across the March switch: deadline Tue 31 Mar 2026 (summer) → reminder Thu 26 Mar 00:00 (winter) = 25 Mar 23:00Z', () => {
    expect(reminderDueAt(utc('2026-03-31T21:59:59.999Z')).toISOString()).toBe('2026-03-25T23:00:00.000Z');
  });

  it('across the October switch: deadline Fri 30 Oct 2026 (winter) → reminder Sun 25 Oct 00:00 (still summer) = 24 Oct 22:00Z', () => {
    expect(reminderDueAt(utc('2026-10-30T22:59:59.999Z')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});

describe('isDeadlinePassed', () => {
  const deadline = utc('2026-07-15T21:59:59.999Z');
  it('not passed up to and including the last millisecond', () => {
    expect(isDeadlinePassed(deadline, utc('2026-07-15T12:00:00Z'))).toBe(false);
    expect(isDeadlinePassed(deadline, deadline)).toBe(false);
  });
  it('passed from 00:00 Paris the next day', () => {
    expect(isDeadlinePassed(deadline, utc('2026-07-15T22:00:00.000Z'))).toBe(true);
    expect(isDeadlinePassed(deadline, utc('2026-08-01T00:00:00Z'))).toBe(true);
  });
});

describe('implicitDecisionDate (+4 months, end of the Paris day)', () => {
  it('complete Thu 5 Oct 2023 → Mon 5 Feb 2024, 23:59:59.999 Paris (winter)', () => {
    expect(implicitDecisionDate(utc('2023-10-05T10:00:00Z')).toISOString()).toBe('2024-02-05T22:59:59.999Z');
  });

  it('complete in winter, decision in summer: 10 Mar 2026 → 10 Jul 2026 21:59:59.999Z', () => {
    expect(implicitDecisionDate(utc('2026-03-10T10:00:00Z')).toISOString()).toBe('2026-07-10T21:59:59.999Z');
  });

  it('uses the Paris day: 00:30 Paris on 1 Sep 2026 (22:30Z on 31 Aug) → 1 Jan 2027', () => {
    expect(implicitDecisionDate(utc('2026-08-31T22:30:00Z')).toISOString()).toBe('2027-01-01T22:59:59.999Z');
  });

  it('crosses the year: 20 Nov 2026 → 20 Mar 2027', () => {
    expect(implicitDecisionDate(utc('2026-11-20T10:00:00Z')).toISOString()).toBe('2027-03-20T22:59:59.999Z');
  });

  it('no such day in the target month: ends on its last day (31 Oct 2023 → 29 Feb 2024; 31 Oct 2025 → 28 Feb 2026)', () => {
    expect(implicitDecisionDate(utc('2023-10-31T10:00:00Z')).toISOString()).toBe('2024-02-29T22:59:59.999Z');
    expect(implicitDecisionDate(utc('2025-10-31T10:00:00Z')).toISOString()).toBe('2026-02-28T22:59:59.999Z');
    expect(implicitDecisionDate(utc('2026-05-31T10:00:00Z')).toISOString()).toBe('2026-09-30T21:59:59.999Z');
  });
});
