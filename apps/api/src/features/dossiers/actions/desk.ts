import { expect } from 'vitest';
import { addApplicant, addDepositedDossier, addPrefectures, addStaff, createHarness, login, send } from '../../../testing/harness.js';

/**
 * For the action tests: one deposited dossier of the Nord, and a signed-in agent and supervisor of
 * the Nord, an agent of Paris and the national admin.
 */
export async function openDesk(start = new Date('2026-06-29T08:00:00Z')) {
  const h = createHarness(start);
  addPrefectures(h.db);
  const people = {
    agent: ['agent@59.fr', 'agent', '59'],
    supervisor: ['sup@59.fr', 'superviseur', '59'],
    foreign: ['agent@75.fr', 'agent', '75'],
    admin: ['admin@x.fr', 'admin', null],
  } as const;
  for (const [email, role, prefecture] of Object.values(people)) await addStaff(h.db, email, role, prefecture);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const dossier = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
  const cookies = {} as Record<keyof typeof people, string>;
  /** Sessions last 12 hours: log everyone in again after moving the clock further. */
  const logInAll = async () => {
    for (const [who, [email]] of Object.entries(people)) cookies[who as keyof typeof people] = await login(h, email);
  };
  await logInAll();
  const id = dossier.dossier.id;
  const url = (action: string) => `/api/dossiers/${id}/${action}`;
  return {
    h,
    dossier,
    cookies,
    logInAll,
    url,
    act: (action: string, cookie = cookies.agent, body?: unknown) => send(h, 'POST', url(action), cookie, body),
    review: (code: string, review_status: string, review_message = '', cookie = cookies.agent) =>
      send(h, 'PUT', `/api/pieces/${dossier.pieceIds[code]}`, cookie, { review_status, review_message }),
    status: () => (h.db.$client.prepare('select status from dossiers where id=?').get(id) as { status: string }).status,
  };
}
export type Desk = Awaited<ReturnType<typeof openDesk>>;

/** A refusal: its status and its French message. */
export async function expectRefusal(response: Response, status: number, message: RegExp | string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { message: string };
  if (typeof message === 'string') expect(body.message).toBe(message);
  else expect(body.message).toMatch(message);
}
