import type { MailTransport } from '@em/mail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, deliverEmails, get, send } from '../../../testing/harness.js';
import { dispatchDueEmails } from '../../mail/dispatcher.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

/** Domain §5: no deadline, hence no closure, on a request the applicant was never sent; the agent corrects and sends again. */
let desk: Desk;
const refusingProvider: MailTransport = {
  name: 'test',
  send: async () => ({ ok: false, error: '550 adresse inconnue', retryable: false }),
};
const NEW_ADDRESS = 'amina.diallo@example.org';

beforeEach(async () => {
  desk = await openDesk(); // Monday 29 June 2026, 10:00 Paris
  await desk.act('take');
  await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
  await desk.act('complement-request');
});
afterEach(() => desk.h.close());

const shown = async () => (await get(desk.h, `/api/dossiers/${desk.dossier.dossier.id}`, desk.cookies.agent)).json();
const at = async (iso: string) => {
  desk.h.clock.set(new Date(iso));
  await desk.logInAll();
};
const preview = (email: string) =>
  get(desk.h, `${desk.url('complement-request/resend/preview')}?${new URLSearchParams({ email })}`, desk.cookies.agent);

describe('a complement request whose e-mail failed', () => {
  beforeEach(async () => {
    await dispatchDueEmails(desk.h.db, refusingProvider, { now: desk.h.clock.now(), from: 'x@example.gouv.fr' });
  });

  it('says so on the dossier, starts no deadline, and cannot be closed by hand, even months later (409 with the reason)', async () => {
    expect(await shown()).toMatchObject({
      status: 'complement_demande',
      deadline_at: null,
      complement_email_status: 'failed',
      complement_email_undelivered: true,
      allowed_actions: [],
    });
    await at('2026-10-01T08:00:00Z');
    await expectRefusal(await desk.act('close'), 409, /pas été remis à l’usager \(échec d’envoi\), son délai ne court pas/);
    const bulk = await send(desk.h, 'POST', '/api/supervision/close', desk.cookies.supervisor, { ids: [desk.dossier.dossier.id] });
    expect((await bulk.json()).refused).toEqual([expect.objectContaining({ message: expect.stringMatching(/pas été remis/) })]);
    expect(desk.status()).toBe('complement_demande');
    expect(countRows(desk.h, 'outbox_emails', "template='closure'")).toBe(0);
  });

  it('is sent again to the corrected address: the new deadline is shown before sending and counts from the new sending', async () => {
    await at('2026-07-09T08:00:00Z'); // Thursday 9 July
    const draft = await (await preview(NEW_ADDRESS)).json();
    // If it leaves today: day 15 is Friday 24 July.
    expect(draft).toMatchObject({ to: NEW_ADDRESS, deadline_at: '2026-07-24T21:59:59.999Z', pieces: ['JUSTIFICATIF_IDENTITE'] });
    expect(draft.text).toContain('24 juillet 2026');
    expect(countRows(desk.h, 'outbox_emails')).toBe(1);

    const sent = await desk.act('complement-request/resend', desk.cookies.agent, { email: NEW_ADDRESS });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ email: NEW_ADDRESS, deadline_at: null, complement_email_status: 'queued' });
    expect(countRows(desk.h, 'event_log', "action='correct_email' and before='diallo@example.org' and after=?", NEW_ADDRESS)).toBe(1);
    expect(countRows(desk.h, 'event_log', "action='resend_complement_request' and reason like ?", `%${NEW_ADDRESS}%`)).toBe(1);
    expect(countRows(desk.h, 'outbox_emails', "template='complement_request' and status='queued' and \"to\"=?", NEW_ADDRESS)).toBe(1);

    // Accepted by the provider on Friday 10 July: day 15 is Saturday 25, so the deadline is Monday 27 July.
    await at('2026-07-10T07:00:00Z');
    await deliverEmails(desk.h);
    expect(await shown()).toMatchObject({ deadline_at: '2026-07-27T21:59:59.999Z', complement_email_status: 'sent' });
    await at('2026-07-27T21:59:00Z');
    await expectRefusal(await desk.act('close'), 409, /pas dépassé \(échéance le 27\/07\/2026\)/);
    await at('2026-07-27T22:00:01Z');
    expect((await desk.act('close')).status).toBe(200);
  });

  it('refuses a malformed address (400), the national admin (403) and another préfecture (404), writing nothing', async () => {
    const malformed = await desk.act('complement-request/resend', desk.cookies.agent, { email: 'pas-une-adresse' });
    await expectRefusal(malformed, 400, 'Adresse électronique invalide.');
    await expectRefusal(await preview('pas-une-adresse'), 400, 'Adresse électronique invalide.');
    await expectRefusal(await desk.act('complement-request/resend', desk.cookies.admin, { email: NEW_ADDRESS }), 403, /administrateur/);
    await expectRefusal(await desk.act('complement-request/resend', desk.cookies.foreign, { email: NEW_ADDRESS }), 404, /introuvable/);
    expect(countRows(desk.h, 'outbox_emails')).toBe(1);
    expect(countRows(desk.h, 'event_log', "action in ('correct_email', 'resend_complement_request')")).toBe(0);
  });
});

describe('sending again', () => {
  it('replaces an e-mail still queued, so that only the new one leaves', async () => {
    expect((await desk.act('complement-request/resend', desk.cookies.agent, { email: NEW_ADDRESS })).status).toBe(200);
    expect(countRows(desk.h, 'outbox_emails', "status='failed' and last_error like 'Remplacé par un nouvel envoi%'")).toBe(1);
    await deliverEmails(desk.h);
    expect(countRows(desk.h, 'outbox_emails', "template='complement_request' and status='sent'")).toBe(1);
    expect((await shown()).deadline_at).toBe('2026-07-15T21:59:59.999Z');
  });

  it('is refused once the request reached the applicant (409): their deadline runs', async () => {
    await deliverEmails(desk.h);
    await expectRefusal(await desk.act('complement-request/resend', desk.cookies.agent, { email: NEW_ADDRESS }), 409, /déjà été remis/);
  });
});
