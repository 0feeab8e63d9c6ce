import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, deliverEmails, get, outboxEmail } from '../../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
  await desk.act('take');
  await desk.review('JUSTIFICATIF_DOMICILE', 'illisible', 'document illisible, veuillez le numériser à nouveau');
  await desk.act('complement-request');
  await deliverEmails(desk.h);
});
afterEach(() => desk.h.close());

const shown = async () => (await get(desk.h, `/api/dossiers/${desk.dossier.dossier.id}`, desk.cookies.agent)).json();

describe('closing an incomplete file', () => {
  it('is refused (409) until the deadline has passed, and not offered', async () => {
    desk.h.clock.set(new Date('2026-07-15T21:59:00Z'));
    await desk.logInAll();
    await expectRefusal(await desk.act('close'), 409, /pas dépassé \(échéance le 15\/07\/2026\)/);
    expect((await shown()).allowed_actions).not.toContain('close_incomplete');
    expect(desk.status()).toBe('complement_demande');
  });

  it('is offered once the deadline has passed, and e-mails the applicant the pieces that never came', async () => {
    desk.h.clock.set(new Date('2026-07-15T22:00:01Z'));
    await desk.logInAll();
    expect(await shown()).toMatchObject({ deadline_passed: true, allowed_actions: ['close_incomplete'] });
    const closed = await desk.act('close', desk.cookies.agent, { reason: 'Aucune réponse' });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'cloturee_incomplete', allowed_actions: [] });
    const email = outboxEmail(desk.h, "template='closure'")!;
    expect(email.text).toContain('Justificatif de domicile');
    expect(countRows(desk.h, 'event_log', "action='close_incomplete' and reason='Aucune réponse'")).toBe(1);
  });

  it('is refused on a file never asked for complements', async () => {
    const other = await openDesk();
    await other.act('take');
    await expectRefusal(await other.act('close'), 409, /Clôturer le dossier.*En examen/);
    other.h.close();
  });
});
