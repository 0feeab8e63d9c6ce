import { schema } from '@em/db';
import type { MailTransport } from '@em/mail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../deps.js';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  applicantLogin,
  countRows,
  createHarness,
  deliverEmails,
  type Harness,
  login,
  outboxEmail,
  PDF_BYTES,
  send,
  uploadFile,
} from '../../testing/harness.js';
import { dispatchDueEmails } from '../mail/dispatcher.js';
import { closeExpiredDossiers, recordAnsweredRequests, sendDueReminders } from './jobs.js';

const { STORED_PIECE_CODES } = schema;

let h: Harness;
let deps: AppDeps;
let dossierId: number;

beforeEach(async () => {
  // Sent Friday 2 October 2026 at 10:00 Paris: the 15th day is Saturday 17, so the deadline is Monday 19 October.
  h = createHarness(new Date('2026-10-02T08:00:00Z'));
  deps = {
    db: h.db,
    store: h.store,
    now: h.clock.now,
    config: { publicUrl: 'http://localhost:3000', secureCookies: false, trustProxy: false },
  };
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  const applicant = await addApplicant(h.db, 'moi@x.fr');
  const { dossier, pieceIds } = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
  dossierId = dossier.id;
  const agent = await login(h, 'agent@59.fr');
  await send(h, 'POST', `/api/dossiers/${dossierId}/take`, agent);
  await send(h, 'PUT', `/api/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}`, agent, {
    review_status: 'manquant',
    review_message: 'veuillez joindre un autre document',
  });
  await send(h, 'POST', `/api/dossiers/${dossierId}/complement-request`, agent);
});
afterEach(() => h.close());

const statusOf = () =>
  h.db.$client.prepare('select status, deadline_at from dossiers where id=?').get(dossierId) as { status: string; deadline_at: number };

describe('the reminder five days before the deadline', () => {
  beforeEach(() => deliverEmails(h));

  it('computes the deadline past the weekend', () => {
    expect(new Date(statusOf().deadline_at).toISOString()).toBe('2026-10-19T21:59:59.999Z');
  });

  it('is not sent early, is sent once on the day, and names the pieces', () => {
    h.clock.set(new Date('2026-10-13T21:59:00Z')); // 13 October, 23:59 Paris
    expect(sendDueReminders(deps)).toBe(0);
    h.clock.set(new Date('2026-10-14T05:00:00Z')); // 14 October, 07:00 Paris: five days before the 19th
    expect(sendDueReminders(deps)).toBe(1);
    expect(sendDueReminders(deps)).toBe(0);
    const email = outboxEmail(h, "template='reminder'")!;
    expect(email.text).toContain('JUSTIFICATIF_IDENTITE');
    expect(email.text).toContain('19 octobre 2026');
    expect(countRows(h, 'event_log', "action='reminder' and actor_role='systeme'")).toBe(1);
  });

  it('is not sent once the applicant has answered', () => {
    h.db.$client.prepare('update complement_requests set answered_at=? where dossier_id=?').run(Date.now(), dossierId);
    h.db.$client.prepare("update dossiers set status='complement_recu' where id=?").run(dossierId);
    h.clock.set(new Date('2026-10-15T08:00:00Z'));
    expect(sendDueReminders(deps)).toBe(0);
  });
});

describe('the daily automatic closure', () => {
  it('leaves files open where the préfecture did not switch it on', async () => {
    await deliverEmails(h);
    h.clock.set(new Date('2026-10-20T08:00:00Z'));
    expect(closeExpiredDossiers(deps)).toEqual({ closed: 0, skipped: [] });
    expect(statusOf().status).toBe('complement_demande');
  });

  it('closes expired files where it is on, not before the end of the last day', async () => {
    await deliverEmails(h);
    h.db.$client.prepare("update prefectures set auto_close_expired=1 where code='59'").run();
    h.clock.set(new Date('2026-10-19T21:59:00Z'));
    expect(closeExpiredDossiers(deps).closed).toBe(0);
    h.clock.set(new Date('2026-10-19T22:00:00Z'));
    expect(closeExpiredDossiers(deps)).toEqual({ closed: 1, skipped: [] });
    expect(statusOf().status).toBe('cloturee_incomplete');
    expect(countRows(h, 'outbox_emails', "template='closure'")).toBe(1);
    expect(countRows(h, 'event_log', "action='close_incomplete' and actor_label='Système'")).toBe(1);
  });
});

describe('a request whose pieces all came, the applicant never clicking « Déposer les compléments »', () => {
  it('is never closed as incomplete, by hand or by the job, and is recorded as answered once the deadline passes', async () => {
    await deliverEmails(h);
    h.db.$client.prepare("update prefectures set auto_close_expired=1 where code='59'").run();
    const usager = await applicantLogin(h, 'moi@x.fr');
    const identite = (
      h.db.$client
        .prepare('select id from pieces where dossier_id = ? and code = ?')
        .get(dossierId, STORED_PIECE_CODES.JUSTIFICATIF_IDENTITE) as { id: number }
    ).id;
    expect((await uploadFile(h, usager, identite, PDF_BYTES, 'passeport.pdf')).status).toBe(201);

    h.clock.set(new Date('2026-10-20T08:00:00Z'));
    const agent = await login(h, 'agent@59.fr');
    const refused = await send(h, 'POST', `/api/dossiers/${dossierId}/close`, agent, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toMatch(/a joint toutes les pièces demandées/);
    expect(closeExpiredDossiers(deps)).toEqual({ closed: 0, skipped: [] });

    expect(recordAnsweredRequests(deps)).toBe(1);
    expect(recordAnsweredRequests(deps)).toBe(0);
    expect(statusOf().status).toBe('complement_recu');
    expect(countRows(h, 'outbox_emails', "template='complements_received'")).toBe(1);
    // Received when the document came (2 October, 10:00 Paris), not when the job noticed it.
    expect(outboxEmail(h, "template='complements_received'")!.text).toContain(
      'Nous avons bien reçu le vendredi 2 octobre 2026 à 10 h 00 les éléments',
    );
    // Answered then too: the implicit decision's suspension ends on 2 October, not on the 20th.
    const answered = h.db.$client
      .prepare(
        'select r.answered_at as request, d.last_answered_at as dossier from complement_requests r join dossiers d on d.id = r.dossier_id where d.id = ?',
      )
      .get(dossierId);
    expect(answered).toEqual({ request: Date.parse('2026-10-02T08:00:00Z'), dossier: Date.parse('2026-10-02T08:00:00Z') });
    expect(countRows(h, 'outbox_emails', "template='closure'")).toBe(0);
    expect(countRows(h, 'event_log', "action='submit_complements' and actor_role='systeme'")).toBe(1);
  });

  it('is closed as usual when a requested piece is still missing', async () => {
    await deliverEmails(h);
    h.db.$client.prepare("update prefectures set auto_close_expired=1 where code='59'").run();
    h.clock.set(new Date('2026-10-20T08:00:00Z'));
    expect(recordAnsweredRequests(deps)).toBe(0);
    expect(closeExpiredDossiers(deps)).toEqual({ closed: 1, skipped: [] });
  });
});

describe('a request whose e-mail never reached the applicant', () => {
  const refusingProvider: MailTransport = {
    name: 'test',
    send: async () => ({ ok: false, error: '550 adresse inconnue', retryable: false }),
  };

  it('failed: no deadline runs, no reminder, and the daily closure skips it and lists it, long after the announced date', async () => {
    h.db.$client.prepare("update prefectures set auto_close_expired=1 where code='59'").run();
    await dispatchDueEmails(h.db, refusingProvider, { now: h.clock.now(), from: 'x@example.gouv.fr' });
    expect(statusOf().deadline_at).toBeNull();
    h.clock.set(new Date('2026-10-14T05:00:00Z'));
    expect(sendDueReminders(deps)).toBe(0);
    h.clock.set(new Date('2026-12-01T08:00:00Z'));
    expect(closeExpiredDossiers(deps)).toEqual({
      closed: 0,
      skipped: [
        { id: dossierId, numero: expect.any(String), message: expect.stringMatching(/pas été remis à l’usager \(échec d’envoi\)/) },
      ],
    });
    expect(statusOf().status).toBe('complement_demande');
    expect(countRows(h, 'outbox_emails', "template='closure'")).toBe(0);
  });

  it('bounced after delivery: its deadline passes, yet it is skipped and listed, never closed', async () => {
    h.db.$client.prepare("update prefectures set auto_close_expired=1 where code='59'").run();
    await deliverEmails(h);
    h.db.$client.prepare("update outbox_emails set status='bounced' where template='complement_request'").run();
    h.clock.set(new Date('2026-10-20T08:00:00Z'));
    expect(closeExpiredDossiers(deps).skipped.map((s) => s.message)).toEqual([expect.stringContaining('(rejeté)')]);
    expect(statusOf().status).toBe('complement_demande');
  });
});
