import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApplicant, addDepositedDossier, addStaff, createHarness, get, type Harness, login } from '../../testing/harness.js';

/** A supervisor's weekly statistics, March 2026 (summer time begins Sunday 29 March, 02:00). */
let h: Harness;
let supervisor: string;
const ms = (iso: string) => new Date(iso).getTime();

beforeAll(async () => {
  h = createHarness(new Date('2026-04-10T09:00:00Z'));
  await addStaff(h.db, 'sup@59.fr', 'superviseur', '59');
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const dossier = (when: string, prefecture = '59') => {
    h.clock.set(new Date(when));
    return addDepositedDossier(h, prefecture, applicant.id, 'DOSSIER').dossier.id;
  };
  const set = (id: number, column: string, when: string | null) =>
    h.db.$client.prepare(`update dossiers set ${column} = ? where id = ?`).run(when === null ? null : ms(when), id);

  dossier('2026-03-01T22:59:00Z'); // Sunday 1 March, 23:59 Paris: the day before the period, not counted
  dossier('2026-03-01T23:00:00Z'); // Monday 2 March, 00:00 Paris: the period's first instant
  dossier('2026-03-08T22:59:59Z'); // Sunday 8 March, 23:59:59 Paris: still the first week
  dossier('2026-03-29T21:59:00Z'); // Sunday 29 March, 23:59 Paris (summer time): the fifth week
  dossier('2026-03-29T22:00:00Z'); // Monday 30 March, 00:00 Paris: the sixth week
  dossier('2026-03-31T21:59:59Z'); // Tuesday 31 March, 23:59:59 Paris: the period's last instant
  dossier('2026-03-31T22:00:00Z'); // Wednesday 1 April, 00:00 Paris: after the period
  dossier('2026-03-03T09:00:00Z', '62'); // another préfecture's
  const draft = dossier('2026-03-04T09:00:00Z');
  h.db.$client.prepare(`update dossiers set status = 'brouillon', numero = null where id = ?`).run(draft);

  // Completed after 10¼, 20, 30 and 40 days, two in the week of 9 March, two in the week of 16 March.
  for (const [days, completedAt] of [
    [10.25, '2026-03-10T09:00:00Z'],
    [20, '2026-03-12T09:00:00Z'],
    [30, '2026-03-17T09:00:00Z'],
    [40, '2026-03-19T09:00:00Z'],
  ] as const) {
    const id = dossier(new Date(ms(completedAt) - days * 86_400_000).toISOString());
    h.db.$client.prepare(`update dossiers set status = 'complete' where id = ?`).run(id);
    set(id, 'completed_at', completedAt);
  }
  const closed = dossier('2026-01-05T09:00:00Z');
  h.db.$client.prepare(`update dossiers set status = 'cloturee_incomplete' where id = ?`).run(closed);
  set(closed, 'closed_at', '2026-03-31T08:00:00Z');
  // A draft never has these instants; were one to, it is still not the supervisor's to count.
  set(draft, 'completed_at', '2026-03-10T09:00:00Z');
  supervisor = await login(h, 'sup@59.fr');
});
afterAll(() => h.close());

describe('weekly statistics', () => {
  it('cuts Paris weeks at Monday midnight, summer time included, and the period at its first and last instants', async () => {
    const response = await get(h, '/api/supervision/statistics?from=2026-03-02&to=2026-03-31', supervisor);
    expect(response.status).toBe(200);
    const stats = await response.json();
    expect(stats.weeks.map((week: { week_start: string }) => week.week_start)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    // Deposits of the week of 23 March: the one on Sunday 29 at 23:59 Paris; the completed ones were
    // deposited in February, and 2 March's and 8 March's fall in the first week.
    expect(stats.weeks.map((week: { deposits: number }) => week.deposits)).toEqual([2, 0, 0, 1, 2]);
    expect(stats.weeks.map((week: { closed: number }) => week.closed)).toEqual([0, 0, 0, 0, 1]);
  });

  it('gives each week its completions and the median and 90th percentile of their time from deposit', async () => {
    const stats = await (await get(h, '/api/supervision/statistics?from=2026-03-02&to=2026-03-31', supervisor)).json();
    // Each time counted in days to one decimal (10¼ days: 10.3), then interpolated: (10.3 + 20) / 2, 10.3 + 0.9 × 9.7.
    expect(stats.weeks[1]).toMatchObject({ completed: 2, count: 2, median_days: 15.2, p90_days: 19 });
    expect(stats.weeks[2]).toMatchObject({ completed: 2, count: 2, median_days: 35, p90_days: 39 });
    expect(stats.weeks[0]).toMatchObject({ completed: 0, count: 0, median_days: null, p90_days: null });
    expect(stats.time_to_complete).toEqual({ count: 4, median_days: 25, p90_days: 37 });
  });
});
