import type { Status } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addComplementRequest,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  countRows,
  createHarness,
  type Harness,
  login,
  send,
} from '../../testing/harness.js';

let h: Harness;
const ids: Record<string, number> = {};
const staff: Record<string, number> = {};
const cookies: Record<string, string> = {};
const at = (iso: string) => new Date(iso);
const PASSED = { sentAt: at('2026-02-02T09:00:00Z'), deadlineAt: at('2026-02-17T22:59:59.999Z') };

beforeEach(async () => {
  h = createHarness(at('2026-02-01T09:00:00Z'));
  addPrefectures(h.db);
  for (const [email, role, prefecture] of [
    ['camille@59.fr', 'agent', '59'],
    ['thomas@59.fr', 'agent', '59'],
    ['sup@59.fr', 'superviseur', '59'],
    ['agent@75.fr', 'agent', '75'],
    ['admin@x.fr', 'admin', null],
  ] as const) {
    staff[email] = (await addStaff(h.db, email, role, prefecture)).id;
  }
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const add = (name: string, prefecture = '59', status: Status = 'en_examen') => {
    ids[name] = addDepositedDossier(h, prefecture, applicant.id, name, status).dossier.id;
  };
  for (const name of ['OVERDUE_1', 'OVERDUE_2', 'NOT_YET', 'UNDELIVERED', 'COMPLETE', 'DEPOSEE']) add(name);
  add('PARIS', '75');
  h.db.$client.prepare("update dossiers set status='complete' where id=?").run(ids.COMPLETE);
  h.db.$client.prepare("update dossiers set status='deposee' where id=?").run(ids.DEPOSEE);
  h.db.$client.prepare('update dossiers set assignee_id=? where id in (?, ?)').run(staff['camille@59.fr'], ids.OVERDUE_1, ids.NOT_YET);
  addComplementRequest(h, ids.OVERDUE_1!, PASSED);
  addComplementRequest(h, ids.OVERDUE_2!, PASSED);
  addComplementRequest(h, ids.PARIS!, PASSED);
  addComplementRequest(h, ids.UNDELIVERED!, { ...PASSED, emailStatus: 'bounced' });
  addComplementRequest(h, ids.NOT_YET!, { sentAt: at('2026-02-10T09:00:00Z'), deadlineAt: at('2026-02-25T22:59:59.999Z') });
  h.clock.set(at('2026-02-20T09:00:00Z'));
  for (const email of ['sup@59.fr', 'camille@59.fr', 'admin@x.fr']) cookies[email] = await login(h, email);
});
afterEach(() => h.close());

const statusOf = (name: string) =>
  (h.db.$client.prepare('select status from dossiers where id=?').get(ids[name]) as { status: string }).status;
const assigneeOf = (name: string) =>
  (h.db.$client.prepare('select assignee_id from dossiers where id=?').get(ids[name]) as { assignee_id: number | null }).assignee_id;

describe('bulk closing of overdue dossiers', () => {
  it('closes each eligible dossier in its own transaction and says why the others were not', async () => {
    const selection = ['OVERDUE_1', 'NOT_YET', 'OVERDUE_2', 'UNDELIVERED', 'COMPLETE', 'PARIS'].map((name) => ids[name]!);
    const response = await send(h, 'POST', '/api/supervision/close', cookies['sup@59.fr']!, {
      ids: selection,
      reason: 'Relance sans effet',
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.done).toBe(2);
    expect(result.refused).toEqual([
      { id: ids.NOT_YET, numero: expect.any(String), message: expect.stringMatching(/pas dépassé \(échéance le 25\/02\/2026\)/) },
      { id: ids.UNDELIVERED, numero: expect.any(String), message: expect.stringMatching(/pas été remis à l’usager \(rejeté\)/) },
      { id: ids.COMPLETE, numero: expect.any(String), message: expect.stringMatching(/Clôturer le dossier.*Complet/) },
      { id: ids.PARIS, numero: null, message: 'Dossier introuvable.' },
    ]);
    expect(['OVERDUE_1', 'OVERDUE_2', 'NOT_YET', 'UNDELIVERED', 'COMPLETE', 'PARIS'].map(statusOf)).toEqual([
      'cloturee_incomplete',
      'cloturee_incomplete',
      'complement_demande',
      'complement_demande',
      'complete',
      'complement_demande',
    ]);
    // Each applicant is told, and the closure is in the audit log with the supervisor's reason.
    expect(countRows(h, 'outbox_emails', "template='closure'")).toBe(2);
    expect(countRows(h, 'event_log', "action='close_incomplete' and actor_role='superviseur' and reason='Relance sans effet'")).toBe(2);
  });

  it('is refused to agents and to the national admin, closing nothing', async () => {
    for (const email of ['camille@59.fr', 'admin@x.fr']) {
      const response = await send(h, 'POST', '/api/supervision/close', cookies[email]!, { ids: [ids.OVERDUE_1] });
      expect(response.status, email).toBe(403);
    }
    expect(statusOf('OVERDUE_1')).toBe('complement_demande');
  });

  it('answers 400 to an empty or malformed selection', async () => {
    for (const body of [{ ids: [] }, { ids: ['a'] }, {}]) {
      const response = await send(h, 'POST', '/api/supervision/close', cookies['sup@59.fr']!, body);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/dossier/i);
    }
  });
});

describe('assignment by a supervisor', () => {
  it('assigns or reassigns open dossiers of the préfecture, a deposited one becoming « en examen »', async () => {
    const selection = ['DEPOSEE', 'OVERDUE_1', 'COMPLETE', 'PARIS'].map((name) => ids[name]!);
    const response = await send(h, 'POST', '/api/supervision/assign', cookies['sup@59.fr']!, {
      ids: selection,
      assignee_id: staff['thomas@59.fr'],
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.done).toBe(2);
    expect(result.refused.map((r: { id: number; message: string }) => [r.id, r.message])).toEqual([
      [ids.COMPLETE, 'Ce dossier n’est plus en cours d’instruction : il ne peut pas être réaffecté.'],
      [ids.PARIS, 'Dossier introuvable.'],
    ]);
    expect([statusOf('DEPOSEE'), assigneeOf('DEPOSEE')]).toEqual(['en_examen', staff['thomas@59.fr']]);
    expect([statusOf('OVERDUE_1'), assigneeOf('OVERDUE_1')]).toEqual(['complement_demande', staff['thomas@59.fr']]);
    expect(countRows(h, 'event_log', "action='assign' and before='camille' and after='thomas'")).toBe(1);
    expect(countRows(h, 'event_log', "action='assign' and before='Non affecté' and reason like '%En examen%'")).toBe(1);
  });

  it('offers only the active staff of the préfecture, and refuses anyone else (400)', async () => {
    h.db.$client.prepare('update staff_users set deactivated_at=? where email=?').run(Date.now(), 'thomas@59.fr');
    const assignees = await (await h.app.request('/api/supervision/assignees', { headers: { Cookie: cookies['sup@59.fr']! } })).json();
    expect(assignees.map((a: { full_name: string }) => a.full_name)).toEqual(['camille', 'sup']);
    for (const email of ['thomas@59.fr', 'agent@75.fr']) {
      const response = await send(h, 'POST', '/api/supervision/assign', cookies['sup@59.fr']!, {
        ids: [ids.DEPOSEE],
        assignee_id: staff[email],
      });
      expect(response.status, email).toBe(400);
      expect((await response.json()).message).toMatch(/Agent introuvable/);
    }
    expect(statusOf('DEPOSEE')).toBe('deposee');
  });

  it('is refused to an agent (403), even to take dossiers for themselves', async () => {
    const response = await send(h, 'POST', '/api/supervision/assign', cookies['camille@59.fr']!, {
      ids: [ids.DEPOSEE],
      assignee_id: staff['camille@59.fr'],
    });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/superviseur/);
  });
});
