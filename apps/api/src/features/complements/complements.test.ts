import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  countRows,
  createHarness,
  get,
  type Harness,
  login,
  send,
} from '../../testing/harness.js';

let h: Harness;
let dossier: ReturnType<typeof addDepositedDossier>;
const c: Record<string, string> = {};

beforeEach(async () => {
  h = createHarness(new Date('2026-06-29T08:00:00Z'));
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  await addStaff(h.db, 'agent@75.fr', 'agent', '75');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  dossier = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
  for (const email of ['agent@59.fr', 'agent@75.fr', 'admin@x.fr']) c[email] = await login(h, email);
});
afterEach(() => h.close());

const agent = () => c['agent@59.fr']!;
const url = (action: string) => `/api/dossiers/${dossier.dossier.id}/${action}`;
const review = (code: string, review_status: string, review_message = '') =>
  send(h, 'PUT', `/api/pieces/${dossier.pieceIds[code]}`, agent(), { review_status, review_message });
const status = () => (h.db.$client.prepare('select status from dossiers where id=?').get(dossier.dossier.id) as { status: string }).status;

async function expectConflict(response: Response, pattern: RegExp) {
  expect(response.status).toBe(409);
  expect((await response.json()).message).toMatch(pattern);
}

describe('taking a dossier', () => {
  it('puts it « en examen » under the agent, once', async () => {
    const response = await send(h, 'POST', url('take'), agent());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'en_examen',
      assignee_name: 'agent',
      allowed_actions: ['request_complement', 'complete'],
    });
    await expectConflict(await send(h, 'POST', url('take'), agent()), /Prendre en charge.*En examen/);
  });

  it('answers 404 to another préfecture and 403 to a national admin, changing nothing', async () => {
    expect((await send(h, 'POST', url('take'), c['agent@75.fr']!)).status).toBe(404);
    expect((await send(h, 'POST', url('take'), c['admin@x.fr']!)).status).toBe(403);
    expect(status()).toBe('deposee');
    expect(countRows(h, 'events', "action='take'")).toBe(0);
  });
});

describe('permissions on every action', () => {
  it('answers 404 to an agent of another préfecture and 403 to the admin, on each action, changing nothing', async () => {
    const routes = ['take', 'complement-request', 'complete', 'close'];
    for (const route of routes) {
      expect((await send(h, 'POST', url(route), c['agent@75.fr']!)).status, route).toBe(404);
      expect((await send(h, 'POST', url(route), c['admin@x.fr']!)).status, route).toBe(403);
    }
    expect((await get(h, url('complement-request/preview'), c['agent@75.fr'])).status).toBe(404);
    expect((await send(h, 'PUT', `/api/pieces/${dossier.pieceIds.EPHOTO}`, c['admin@x.fr']!, { review_status: 'conforme' })).status).toBe(
      403,
    );
    expect(status()).toBe('deposee');
    expect(countRows(h, 'events')).toBe(1);
    expect(countRows(h, 'outbox_emails')).toBe(0);
  });

  it('answers 401 to an applicant session on the console’s actions', async () => {
    expect((await send(h, 'POST', url('take'), 'em_usager_session=whatever')).status).toBe(401);
  });
});

describe('reviewing pieces', () => {
  it('refuses before the dossier is taken', async () => {
    await expectConflict(await review('JUSTIFICATIF_IDENTITE', 'conforme'), /Prenez d'abord le dossier en charge/);
  });

  it('records the review and its message, with an event', async () => {
    await send(h, 'POST', url('take'), agent());
    const response = await review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ review_status: 'manquant', review_message: 'veuillez joindre un autre document' });
    expect(countRows(h, 'events', "action='review_piece' and before='a_verifier' and after='manquant'")).toBe(1);
  });

  it('requires a message for a flagged piece and a known status', async () => {
    await send(h, 'POST', url('take'), agent());
    await expectConflict(await review('JUSTIFICATIF_IDENTITE', 'illisible', '  '), /message/);
    const bad = await review('JUSTIFICATIF_IDENTITE', 'peut-etre');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe('Statut de vérification invalide.');
    expect(
      (await send(h, 'PUT', `/api/pieces/${dossier.pieceIds.JUSTIFICATIF_IDENTITE}`, c['agent@75.fr']!, { review_status: 'conforme' }))
        .status,
    ).toBe(404);
  });
});

describe('the complement request', () => {
  beforeEach(async () => {
    await send(h, 'POST', url('take'), agent());
  });

  it('is refused while no piece is flagged', async () => {
    await expectConflict(await send(h, 'POST', url('complement-request'), agent()), /Aucune pièce n’est signalée/);
    expect(status()).toBe('en_examen');
  });

  it('shows the exact e-mail first, then sends it with the state change, in one go', async () => {
    await review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    const preview = await (await get(h, url('complement-request/preview'), agent())).json();
    // Sent Monday 29 June 2026: day 15 is Tuesday 14 July, a holiday, so the deadline is Wednesday 15 July.
    expect(preview.deadline_at).toBe('2026-07-15T21:59:59.999Z');
    expect(preview.text).toContain('« JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document');
    expect(preview.text).toContain('15 juillet 2026');
    expect(preview.to).toBe('diallo@example.org');

    const response = await send(h, 'POST', url('complement-request'), agent());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'complement_demande',
      deadline_at: '2026-07-15T21:59:59.999Z',
      deadline_passed: false,
      requested_pieces: ['JUSTIFICATIF_IDENTITE'],
    });
    const email = h.db.$client.prepare("select * from outbox_emails where template='complement_request'").get() as Record<string, string>;
    expect(email.status).toBe('queued');
    expect(email.text).toBe(preview.text);
    expect(email.text).toContain('http://localhost:3000/demande/justificatifs');
    expect(email.text).toContain('Passé ce délai, votre dossier pourra être considéré comme incomplet et de ce fait clôturé.');
    expect(countRows(h, 'complement_requests', 'dossier_id=? and answered_at is null', dossier.dossier.id)).toBe(1);
    expect(countRows(h, 'events', "action='request_complement' and after='complement_demande'")).toBe(1);
    await expectConflict(await send(h, 'POST', url('complement-request'), agent()), /Compléments demandés/);
  });

  it('writes nothing at all when the e-mail cannot be queued: state, request, event and e-mail go together', async () => {
    await review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    h.db.$client.exec("CREATE TRIGGER outbox_down BEFORE INSERT ON outbox_emails BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const response = await send(h, 'POST', url('complement-request'), agent());
    expect(response.status).toBe(500);
    expect((await response.json()).message).toMatch(/Erreur interne/);
    expect(status()).toBe('en_examen');
    expect(countRows(h, 'complement_requests')).toBe(0);
    expect(countRows(h, 'events', "action='request_complement'")).toBe(0);
  });

  it('flags the dossier when the request e-mail bounced', async () => {
    await review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    await send(h, 'POST', url('complement-request'), agent());
    const dossierUrl = `/api/dossiers/${dossier.dossier.id}`;
    expect((await (await get(h, dossierUrl, agent())).json()).complement_email_undelivered).toBe(false);
    h.db.$client.prepare("update outbox_emails set status='bounced' where template='complement_request'").run();
    expect((await (await get(h, dossierUrl, agent())).json()).complement_email_undelivered).toBe(true);
  });

  it('cannot close before the deadline (409), can once it has passed, naming the missing pieces', async () => {
    await review('JUSTIFICATIF_DOMICILE', 'illisible', 'document illisible, veuillez le numériser à nouveau');
    await send(h, 'POST', url('complement-request'), agent());
    h.clock.set(new Date('2026-07-15T21:59:00Z'));
    c['agent@59.fr'] = await login(h, 'agent@59.fr');
    await expectConflict(await send(h, 'POST', url('close'), agent()), /pas dépassé \(échéance le 15\/07\/2026\)/);
    expect((await (await get(h, `/api/dossiers/${dossier.dossier.id}`, agent())).json()).allowed_actions).not.toContain('close_incomplete');

    h.clock.set(new Date('2026-07-15T22:00:01Z'));
    const shown = await (await get(h, `/api/dossiers/${dossier.dossier.id}`, agent())).json();
    expect(shown).toMatchObject({ deadline_passed: true });
    expect(shown.allowed_actions).toContain('close_incomplete');
    const closed = await send(h, 'POST', url('close'), agent());
    expect(closed.status).toBe(200);
    expect((await closed.json()).status).toBe('cloturee_incomplete');
    const email = h.db.$client.prepare("select text from outbox_emails where template='closure'").get() as { text: string };
    expect(email.text).toContain('Justificatif de domicile');
  });
});

describe('declaring a dossier complete', () => {
  it('requires every required piece to be conforme, then e-mails the applicant', async () => {
    await send(h, 'POST', url('take'), agent());
    await review('JUSTIFICATIF_IDENTITE', 'conforme');
    await expectConflict(await send(h, 'POST', url('complete'), agent()), /non conformes ou non vérifiées.*Numéro e-photo/);
    for (const code of ['EPHOTO', 'JUSTIFICATIF_NATIONALITE', 'JUSTIFICATIF_DOMICILE', 'JUSTIFICATIF_RESIDENCE_HABITUELLE'])
      await review(code, 'conforme');
    const response = await send(h, 'POST', url('complete'), agent());
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe('complete');
    expect(countRows(h, 'outbox_emails', "template='complete'")).toBe(1);
    await expectConflict(await send(h, 'POST', url('close'), agent()), /Clôturer le dossier.*Complet/);
  });
});
