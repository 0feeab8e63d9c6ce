import { readFileSync } from 'node:fs';
import { can, STAFF_PERMISSION_LABELS, STAFF_PERMISSIONS, STAFF_ROLES, type StaffPermission, type StaffRole } from '@em/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  type Harness,
  login,
  send,
} from '../testing/harness.js';

/** Every cell of the role × action table (packages/domain/src/permissions.ts), through the API, and the README's copy of it. */
let h: Harness;
const cookies = {} as Record<StaffRole, string>;
const own = {} as Record<StaffRole, number>;
let agentId: number;
let parisDossier: number;

beforeAll(async () => {
  h = createHarness();
  addPrefectures(h.db);
  agentId = (await addStaff(h.db, 'agent@59.fr', 'agent', '59')).id;
  await addStaff(h.db, 'superviseur@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  for (const role of STAFF_ROLES) {
    own[role] = addDepositedDossier(h, '59', applicant.id, `DOSSIER_${role}`).dossier.id;
    cookies[role] = await login(h, role === 'admin' ? 'admin@x.fr' : `${role}@59.fr`);
  }
  parisDossier = addDepositedDossier(h, '75', applicant.id, 'PARIS').dossier.id;
});
afterAll(() => h.close());

const autoCloseOf59 = () =>
  (h.db.$client.prepare("select auto_close_expired from prefectures where code='59'").get() as { auto_close_expired: number })
    .auto_close_expired === 1;

/** One request per permission, as the role would send it; each changes something when allowed. */
type Probe = [method: string, path: string, body?: unknown];
const PROBES: Record<StaffPermission, (role: StaffRole) => Probe> = {
  read_dossiers: () => ['GET', '/api/dossiers'],
  decide: (role) => ['POST', `/api/dossiers/${own[role]}/take`, {}],
  dashboard: () => ['GET', '/api/supervision/dashboard'],
  statistics: () => ['GET', '/api/supervision/statistics?from=2026-01-01&to=2026-03-31'],
  assign: (role) => ['POST', '/api/supervision/assign', { ids: [own[role]], assignee_id: agentId }],
  bulk_close: (role) => ['POST', '/api/supervision/close', { ids: [own[role]] }],
  export: () => ['GET', '/api/supervision/export'],
  auto_close_setting: () => ['PUT', '/api/prefectures/59', { auto_close_expired: !autoCloseOf59() }],
  manage_staff: () => ['GET', '/api/staff'],
  manage_prefectures: (role) => ['PUT', '/api/prefectures/59', { name: `Préfecture du Nord (${role})` }],
};

describe('the role × action table', () => {
  for (const permission of Object.keys(STAFF_PERMISSIONS) as StaffPermission[]) {
    for (const role of STAFF_ROLES) {
      const allowed = can(role, permission);
      it(`${permission} × ${role}: ${allowed ? 'allowed' : '403'}`, async () => {
        const [method, path, body] = PROBES[permission](role);
        const response = await send(h, method, path, cookies[role], body);
        if (allowed) expect(response.status, await response.clone().text()).toBeLessThan(300);
        else {
          expect(response.status).toBe(403);
          expect((await response.json()).message).toMatch(/\p{L}/u);
        }
      });
    }
  }

  it('keeps a supervisor inside their préfecture: 404 on another préfecture’s dossier', async () => {
    for (const [method, path] of [
      ['GET', `/api/dossiers/${parisDossier}`],
      ['POST', `/api/dossiers/${parisDossier}/take`],
      ['POST', `/api/dossiers/${parisDossier}/close`],
    ]) {
      expect((await send(h, method!, path!, cookies.superviseur, method === 'POST' ? {} : undefined)).status, path).toBe(404);
    }
    const closed = await send(h, 'POST', '/api/supervision/close', cookies.superviseur, { ids: [parisDossier] });
    expect((await closed.json()).refused).toEqual([{ id: parisDossier, numero: null, message: 'Dossier introuvable.' }]);
  });

  it('is the table written in the README, cell for cell', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const [permission, label] of Object.entries(STAFF_PERMISSION_LABELS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${label} `));
      expect(row, label).toBeDefined();
      const cells = row!
        .split('|')
        .slice(2, 2 + STAFF_ROLES.length)
        .map((cell) => cell.trim());
      expect(cells, label).toEqual(STAFF_ROLES.map((role) => (can(role, permission as StaffPermission) ? 'oui' : 'non')));
    }
  });
});
