import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverEmails, get, listUrl, ORIGIN, PASSWORD, PDF_BYTES, send } from '../../testing/harness.js';
import { type Desk, openDesk } from './actions/desk.js';

/** The dates a dossier shows: implicit decision (with its suspension), late complements, closure. */
let desk: Desk;
beforeEach(async () => {
  desk = await openDesk(); // deposited Monday 29 June 2026, 10:00 Paris
});
afterEach(() => desk.h.close());

const shown = async () => (await get(desk.h, `/api/dossiers/${desk.dossier.dossier.id}`, desk.cookies.agent)).json();
const at = async (iso: string) => {
  desk.h.clock.set(new Date(iso));
  await desk.logInAll();
};

async function requestIdentity() {
  await desk.act('take');
  await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
  await desk.act('complement-request');
  await deliverEmails(desk.h);
}

async function applicantCookie() {
  const login = await desk.h.app.request('/api/usager/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ email: 'usager@x.fr', password: PASSWORD }),
  });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** The applicant logs in, attaches a new identity document and deposits it. */
async function applicantAnswers() {
  const cookie = await applicantCookie();
  const form = new FormData();
  form.set('file', new File([PDF_BYTES], 'acte.pdf', { type: 'application/pdf' }));
  const pieceId = desk.dossier.pieceIds.JUSTIFICATIF_IDENTITE;
  await desk.h.app.request(`/api/usager/pieces/${pieceId}/files`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
  expect((await send(desk.h, 'POST', '/api/usager/dossier/complements', cookie)).status).toBe(200);
}

describe('the implicit-decision date', () => {
  it('is four months after the deposit, suspended while pieces are awaited, and pushed back by those days', async () => {
    // 29 June + 4 months = 29 October (winter time by then).
    expect((await shown()).implicit_decision_at).toBe('2026-10-29T22:59:59.999Z');
    await requestIdentity();
    expect((await shown()).implicit_decision_at).toBeNull();
    await at('2026-07-09T08:00:00Z'); // answered 10 days after the request
    await applicantAnswers();
    expect((await shown()).implicit_decision_at).toBe('2026-11-08T22:59:59.999Z');
    // A column of the list, and an order.
    const rows = await (
      await get(
        desk.h,
        listUrl('dossiers', { sort: ['implicit_decision_at', 'ASC'], filter: { queue: 'complements_received' } }),
        desk.cookies.agent,
      )
    ).json();
    expect(rows[0]).toMatchObject({ implicit_decision_at: '2026-11-08T22:59:59.999Z' });
  });
});

describe('complements received', () => {
  it('carry the deadline and the answer date, and a late answer is marked « hors délai » in the list and on the dossier', async () => {
    await requestIdentity();
    await at('2026-07-17T08:00:00Z'); // two days after the deadline of Wednesday 15 July
    await applicantAnswers();
    const rows = await (await get(desk.h, listUrl('dossiers', { filter: { queue: 'complements_received' } }), desk.cookies.agent)).json();
    const expected = {
      status: 'complement_recu',
      deadline_at: null,
      request_deadline_at: '2026-07-15T21:59:59.999Z',
      answered_at: '2026-07-17T08:00:00.000Z',
      answered_late: true,
    };
    expect(rows).toEqual([expect.objectContaining(expected)]);
    expect(await shown()).toMatchObject(expected);
  });

  it('in time are not marked late', async () => {
    await requestIdentity();
    await at('2026-07-15T21:00:00Z');
    await applicantAnswers();
    expect(await shown()).toMatchObject({ answered_at: '2026-07-15T21:00:00.000Z', answered_late: false });
  });

  it('are followed by the next request: its deadline shows, not yet answered, in the list and on the dossier', async () => {
    await requestIdentity();
    await at('2026-07-17T08:00:00Z');
    await applicantAnswers();
    await desk.review('JUSTIFICATIF_IDENTITE', 'illisible', 'le document est flou');
    expect((await desk.act('complement-request')).status).toBe(200);
    const rows = await (await get(desk.h, listUrl('dossiers', { filter: { queue: 'awaiting_complements' } }), desk.cookies.agent)).json();
    // 17 July + 15 days = Saturday 1 August, pushed to Monday 3 August.
    const expected = { request_deadline_at: '2026-08-03T21:59:59.999Z', answered_at: null, answered_late: false };
    expect(rows).toEqual([expect.objectContaining(expected)]);
    expect(await shown()).toMatchObject(expected);
  });
});

describe('a closed dossier', () => {
  it('shows its closure date and reason to the agent and to the applicant', async () => {
    await requestIdentity();
    await at('2026-07-16T08:00:00Z');
    expect((await desk.act('close', desk.cookies.agent, { reason: 'Sans nouvelles' })).status).toBe(200);
    const reason = 'Pièces demandées non reçues dans le délai : Justificatif d’identité.';
    expect(await shown()).toMatchObject({ closed_at: '2026-07-16T08:00:00.000Z', closure_reason: reason, implicit_decision_at: null });
    const view = await (await get(desk.h, '/api/usager/dossier', await applicantCookie())).json();
    expect(view).toMatchObject({ status: 'cloturee_incomplete', closed_at: '2026-07-16T08:00:00.000Z', closure_reason: reason });
  });
});
