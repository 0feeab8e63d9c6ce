import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, ORIGIN } from '../../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(() => desk.h.close());

describe('taking a dossier', () => {
  it('puts it « en examen » under the agent, once, with the reason in the history', async () => {
    const response = await desk.act('take', desk.cookies.agent, { reason: 'Dossier prioritaire' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'en_examen',
      assignee_name: 'agent',
      allowed_actions: ['request_complement', 'complete'],
    });
    expect(
      countRows(desk.h, 'event_log', "action='take' and before='deposee' and after='en_examen' and reason='Dossier prioritaire'"),
    ).toBe(1);
    await expectRefusal(await desk.act('take'), 409, /Prendre en charge.*En examen/);
  });

  it('takes no body at all, as well as an empty one', async () => {
    expect((await desk.act('take', desk.cookies.agent, {})).status).toBe(200);
  });

  it('answers 400 to a reason that is not text or too long, changing nothing', async () => {
    await expectRefusal(await desk.act('take', desk.cookies.agent, { reason: 42 }), 400, 'Motif : texte attendu.');
    await expectRefusal(await desk.act('take', desk.cookies.agent, { reason: 'x'.repeat(2001) }), 400, 'Motif : 2000 caractères au plus.');
    expect(desk.status()).toBe('deposee');
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await desk.h.app.request(desk.url('take'), {
      method: 'POST',
      headers: { Cookie: desk.cookies.agent, Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: '{reason',
    });
    await expectRefusal(response, 400, 'Corps de requête invalide : JSON attendu.');
    expect(desk.status()).toBe('deposee');
  });
});
