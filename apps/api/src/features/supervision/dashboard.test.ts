import { type Dashboard, dashboardSchema } from '@em/contract';
import type { Status } from '@em/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addComplementRequest,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  get,
  type Harness,
  listUrl,
  login,
} from '../../testing/harness.js';
import { refreshImplicitDecision } from '../deadlines/implicit-decision.js';

/** « Échéances » of the Nord on Friday 20 March 2026, 10:00 Paris, on dossiers built for each figure. */
let h: Harness;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};
const at = (iso: string) => new Date(iso);
const NOW = at('2026-03-20T09:00:00Z');

beforeAll(async () => {
  h = createHarness(NOW);
  addPrefectures(h.db);
  const agent1 = await addStaff(h.db, 'camille@59.fr', 'agent', '59');
  const agent2 = await addStaff(h.db, 'thomas@59.fr', 'agent', '59');
  await addStaff(h.db, 'sup@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const deposit = (name: string, when: string, prefecture = '59', status: Status = 'en_examen') => {
    h.clock.set(at(when));
    ids[name] = addDepositedDossier(h, prefecture, applicant.id, name, status).dossier.id;
    return ids[name]!;
  };
  const request = (name: string, sentAt: string, deadlineAt: string, emailStatus: 'sent' | 'failed' | 'bounced' = 'sent') =>
    addComplementRequest(h, ids[name]!, { sentAt: at(sentAt), deadlineAt: at(deadlineAt), emailStatus });
  const answered = (name: string, sentAt: string, answeredAt: string) =>
    addComplementRequest(h, ids[name]!, { sentAt: at(sentAt), deadlineAt: at('2026-04-30T21:59:59.999Z'), answeredAt: at(answeredAt) });

  deposit('PASSED_SENT', '2026-02-10T09:00:00Z');
  request('PASSED_SENT', '2026-02-20T09:00:00Z', '2026-03-09T22:59:59.999Z');
  deposit('PASSED_FAILED', '2026-02-10T10:00:00Z');
  request('PASSED_FAILED', '2026-02-20T09:00:00Z', '2026-03-09T22:59:59.999Z', 'failed');
  deposit('SOON', '2026-03-01T09:00:00Z');
  request('SOON', '2026-03-09T09:00:00Z', '2026-03-24T22:59:59.999Z');
  deposit('LATER', '2026-03-01T10:00:00Z');
  request('LATER', '2026-03-16T09:00:00Z', '2026-03-31T21:59:59.999Z');
  deposit('BOUNCED', '2026-03-02T09:00:00Z');
  request('BOUNCED', '2026-03-16T09:00:00Z', '2026-03-31T21:59:59.999Z', 'bounced');
  deposit('RECEIVED_15', '2026-03-01T09:00:00Z');
  answered('RECEIVED_15', '2026-03-05T09:00:00Z', '2026-03-15T09:00:00Z');
  deposit('RECEIVED_18', '2026-03-01T09:00:00Z');
  answered('RECEIVED_18', '2026-03-05T09:00:00Z', '2026-03-18T09:00:00Z');
  deposit('WAITING_15_DAYS', '2026-03-05T09:00:00Z', '59', 'deposee');
  deposit('WAITING_3_DAYS', '2026-03-17T09:00:00Z', '59', 'deposee');
  deposit('DECISION_25_MARCH', '2025-11-25T09:00:00Z');
  deposit('DECISION_PASSED', '2025-11-10T09:00:00Z', '59', 'complete');
  deposit('DECISION_25_APRIL', '2025-12-25T09:00:00Z');
  // Four months from 1 November would be 1 March, but pieces were awaited 60 days: 30 April.
  deposit('SUSPENDED_60_DAYS', '2025-11-01T09:00:00Z');
  answered('SUSPENDED_60_DAYS', '2025-11-05T09:00:00Z', '2026-01-04T09:00:00Z');
  h.db.$client.prepare("update dossiers set status='complete' where id=?").run(ids.SUSPENDED_60_DAYS);
  refreshImplicitDecision(h.db, ids.SUSPENDED_60_DAYS!);
  // Paris: counted nowhere in the Nord.
  deposit('PARIS', '2025-11-01T09:00:00Z', '75', 'deposee');
  request('PARIS', '2026-02-20T09:00:00Z', '2026-03-09T22:59:59.999Z');

  const assign = (name: string, agentId: number) =>
    h.db.$client.prepare('update dossiers set assignee_id=? where id=?').run(agentId, ids[name]);
  for (const name of ['PASSED_SENT', 'PASSED_FAILED', 'RECEIVED_15']) assign(name, agent1.id);
  for (const name of ['DECISION_25_MARCH', 'DECISION_25_APRIL', 'DECISION_PASSED']) assign(name, agent2.id);
  h.clock.set(NOW);
  for (const email of ['sup@59.fr', 'agent@59.fr']) cookies[email] = await login(h, email);
});
afterAll(() => h.close());

async function dashboard(): Promise<Dashboard> {
  const response = await get(h, '/api/supervision/dashboard', cookies['sup@59.fr']);
  expect(response.status).toBe(200);
  return dashboardSchema.parse(await response.json());
}

const EXPECTED: Record<string, { names: string[]; since: string | null }> = {
  to_close: { names: ['PASSED_SENT'], since: '2026-03-09T22:59:59.999Z' },
  deadline_soon: { names: ['SOON'], since: '2026-03-24T22:59:59.999Z' },
  undelivered: { names: ['PASSED_FAILED', 'BOUNCED'], since: '2026-02-10T10:00:00.000Z' },
  received_unreviewed: { names: ['RECEIVED_15', 'RECEIVED_18'], since: '2026-03-15T09:00:00.000Z' },
  not_taken: { names: ['WAITING_15_DAYS'], since: '2026-03-05T09:00:00.000Z' },
  implicit_decision_soon: { names: ['DECISION_PASSED', 'DECISION_25_MARCH'], since: '2026-03-10T22:59:59.999Z' },
};

describe('the « Échéances » dashboard of a supervisor', () => {
  it('counts each figure on its own dossiers, with its oldest date', async () => {
    const { figures } = await dashboard();
    expect(figures.map((f: { key: string }) => f.key)).toEqual(Object.keys(EXPECTED));
    for (const figure of figures) {
      const expected = EXPECTED[figure.key]!;
      expect(figure.count, figure.key).toBe(expected.names.length);
      expect(figure.since, figure.key).toBe(expected.since);
    }
  });

  it('links each figure to the dossier list showing exactly those dossiers, in the figure’s order', async () => {
    const { figures } = await dashboard();
    for (const figure of figures) {
      const response = await get(
        h,
        listUrl('dossiers', { filter: figure.filter, sort: [figure.sort.field, figure.sort.order], range: [0, 24] }),
        cookies['sup@59.fr'],
      );
      const rows = (await response.json()) as { birth_name: string }[];
      expect(
        rows.map((row) => row.birth_name),
        figure.key,
      ).toEqual(EXPECTED[figure.key]!.names);
      expect(response.headers.get('content-range'), figure.key).toMatch(new RegExp(`/${figure.count}$`));
    }
  });

  it('shows each agent’s workload by status', async () => {
    const { workload } = await dashboard();
    expect(workload).toEqual([
      { assignee_id: expect.any(Number), full_name: 'camille', counts: { complement_demande: 2, complement_recu: 1 }, total: 3 },
      { assignee_id: expect.any(Number), full_name: 'thomas', counts: { en_examen: 2 }, total: 2 },
    ]);
  });

  it('follows a reassignment, a status change and a deleted draft: what it reads is kept by triggers, and equals a recount', async () => {
    const sql = h.db.$client;
    const thomas = sql.prepare("select id from staff_users where full_name = 'thomas'").get() as { id: number };
    sql.prepare('update dossiers set assignee_id = ? where id = ?').run(thomas.id, ids.RECEIVED_15);
    sql.prepare("update dossiers set status = 'complete' where id = ?").run(ids.DECISION_25_APRIL);
    const { workload } = await dashboard();
    expect(workload.map((row) => [row.full_name, row.counts])).toEqual([
      ['camille', { complement_demande: 2 }],
      ['thomas', { en_examen: 1, complement_recu: 1 }],
    ]);
    const kept = sql.prepare('select prefecture_code, status, assignee_id, count from dossier_counts where count > 0 order by 1, 2, 3');
    const recount = sql.prepare(`select coalesce(prefecture_code, '') as prefecture_code, status, coalesce(assignee_id, 0) as assignee_id,
      count(*) as count from dossiers group by 1, 2, 3 order by 1, 2, 3`);
    expect(kept.all()).toEqual(recount.all());
    const lastAnswers = `select count(*) as differ from dossiers where last_answered_at is not
      (select max(answered_at) from complement_requests where dossier_id = dossiers.id)`;
    expect(sql.prepare(lastAnswers).get()).toEqual({ differ: 0 });
    const requestEmails = `select count(*) as differ from dossiers where request_email_status is not (select status from outbox_emails
      where dossier_id = dossiers.id and template = 'complement_request' order by id desc limit 1)`;
    expect(sql.prepare(requestEmails).get()).toEqual({ differ: 0 });
    const draft = sql
      .prepare("insert into dossiers (applicant_id, status) select applicant_id, 'brouillon' from dossiers where id = ?")
      .run(ids.PARIS);
    sql.prepare('delete from dossiers where id = ?').run(draft.lastInsertRowid);
    expect(kept.all()).toEqual(recount.all());
    // Back as the other tests expect them.
    sql
      .prepare('update dossiers set assignee_id = (select assignee_id from dossiers where id = ?) where id = ?')
      .run(ids.PASSED_SENT, ids.RECEIVED_15);
    sql.prepare("update dossiers set status = 'en_examen' where id = ?").run(ids.DECISION_25_APRIL);
  });

  it('is refused to an agent (403)', async () => {
    const response = await get(h, '/api/supervision/dashboard', cookies['agent@59.fr']);
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/réservé aux superviseurs/);
  });
});

describe('statistics over a period', () => {
  it('counts deposits and decisions per Paris week, and the time from deposit to complete', async () => {
    h.db.$client.prepare('update dossiers set completed_at=? where id=?').run(at('2026-03-03T09:00:00Z').getTime(), ids.DECISION_PASSED);
    const response = await get(h, '/api/supervision/statistics?from=2026-02-23&to=2026-03-15', cookies['sup@59.fr']);
    expect(response.status).toBe(200);
    const stats = await response.json();
    expect(stats.weeks.map((w: { week_start: string }) => w.week_start)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    // Four deposits on Sunday 1 March (week of 23 February), then 2 and 5 March (week of 2 March).
    expect(stats.weeks.map((w: { deposits: number }) => w.deposits)).toEqual([4, 2, 0]);
    expect(stats.weeks[1]).toMatchObject({ completed: 1, count: 1, median_days: 113 });
    expect(stats.time_to_complete).toEqual({ count: 1, median_days: 113, p90_days: 113 });
  });

  it('refuses an impossible or reversed period with a French 400', async () => {
    for (const query of ['from=2026-02-30&to=2026-03-01', 'from=2026-03-10&to=2026-03-01', 'from=2020-01-01&to=2026-03-01', 'from=x']) {
      const response = await get(h, `/api/supervision/statistics?${query}`, cookies['sup@59.fr']);
      expect(response.status, query).toBe(400);
      expect((await response.json()).message, query).toMatch(/Période|Date/);
    }
  });
});
