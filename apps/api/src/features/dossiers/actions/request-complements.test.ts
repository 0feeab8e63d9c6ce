import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, deliverEmails, get, outboxEmail } from '../../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
  await desk.act('take');
});
afterEach(() => desk.h.close());

describe('the complement request', () => {
  it('is refused while no piece is flagged', async () => {
    await expectRefusal(await desk.act('complement-request'), 409, /Aucune pièce n’est signalée/);
    expect(desk.status()).toBe('en_examen');
  });

  it('shows the exact e-mail first, then sends it with the state change, in one go', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    const preview = await (await get(desk.h, desk.url('complement-request/preview'), desk.cookies.agent)).json();
    // Sent Monday 29 June 2026: day 15 is Tuesday 14 July, a holiday, so the deadline is Wednesday 15 July.
    expect(preview.deadline_at).toBe('2026-07-15T21:59:59.999Z');
    expect(preview.text).toContain('« JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document');
    expect(preview.text).toContain('15 juillet 2026');
    expect(preview.to).toBe('diallo@example.org');

    const response = await desk.act('complement-request');
    expect(response.status).toBe(200);
    // Not yet running: the deadline counts from the e-mail's acceptance for delivery.
    expect(await response.json()).toMatchObject({
      status: 'complement_demande',
      deadline_at: null,
      complement_email_status: 'queued',
      deadline_passed: false,
      requested_pieces: ['JUSTIFICATIF_IDENTITE'],
    });
    const email = outboxEmail(desk.h, "template='complement_request'")!;
    expect(email.status).toBe('queued');
    expect(email.text).toBe(preview.text);
    expect(email.text).toContain('http://localhost:3000/demande/justificatifs');
    expect(email.text).toContain('Passé ce délai, votre dossier pourra être considéré comme incomplet et de ce fait clôturé.');
    expect(countRows(desk.h, 'complement_requests', 'dossier_id=? and answered_at is null', desk.dossier.dossier.id)).toBe(1);
    expect(countRows(desk.h, 'event_log', "action='request_complement' and after='complement_demande'")).toBe(1);
    await expectRefusal(await desk.act('complement-request'), 409, /Compléments demandés/);
  });

  it('runs its deadline from the day the e-mail was accepted for delivery, not from the request', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    await desk.act('complement-request');
    const dossierUrl = desk.url('').slice(0, -1);
    // The provider accepts it on Friday 3 July: day 15 is Saturday 18 July, so the deadline is Monday 20 July.
    desk.h.clock.set(new Date('2026-07-03T09:00:00Z'));
    await deliverEmails(desk.h);
    await desk.logInAll();
    expect(await (await get(desk.h, dossierUrl, desk.cookies.agent)).json()).toMatchObject({
      deadline_at: '2026-07-20T21:59:59.999Z',
      request_deadline_at: '2026-07-20T21:59:59.999Z',
      complement_email_status: 'sent',
    });
    expect(countRows(desk.h, 'event_log', "action='deadline_started' and actor_role='systeme' and reason like '%20/07/2026%'")).toBe(1);
  });

  it('names the flagged pieces in catalogue order, whatever the order they were flagged in', async () => {
    await desk.review('JUSTIFICATIF_RESIDENCE_HABITUELLE', 'non_conforme', 'moins d’un an');
    await desk.review('EPHOTO', 'manquant', 'numéro absent');
    await desk.review('JUSTIFICATIF_IDENTITE', 'illisible', 'flou');
    const preview = await (await get(desk.h, desk.url('complement-request/preview'), desk.cookies.agent)).json();
    expect(preview.pieces).toEqual(['EPHOTO', 'JUSTIFICATIF_IDENTITE', 'JUSTIFICATIF_RESIDENCE_HABITUELLE']);
  });

  it('writes nothing at all when the e-mail cannot be queued: state, request, event and e-mail go together', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    desk.h.db.$client.exec("CREATE TRIGGER outbox_down BEFORE INSERT ON outbox_emails BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const response = await desk.act('complement-request');
    await expectRefusal(response, 500, /Erreur interne/);
    expect(desk.status()).toBe('en_examen');
    expect(countRows(desk.h, 'complement_requests')).toBe(0);
    expect(countRows(desk.h, 'event_log', "action='request_complement'")).toBe(0);
  });

  it('flags the dossier when the request e-mail bounced', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    await desk.act('complement-request');
    const dossierUrl = `/api/dossiers/${desk.dossier.dossier.id}`;
    expect((await (await get(desk.h, dossierUrl, desk.cookies.agent)).json()).complement_email_undelivered).toBe(false);
    desk.h.db.$client.prepare("update outbox_emails set status='bounced' where template='complement_request'").run();
    expect((await (await get(desk.h, dossierUrl, desk.cookies.agent)).json()).complement_email_undelivered).toBe(true);
  });
});
