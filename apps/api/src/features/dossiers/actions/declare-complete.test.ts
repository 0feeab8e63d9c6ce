import { schema } from '@em/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

const { STORED_PIECE_CODES } = schema;

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
  await desk.act('take');
});
afterEach(() => desk.h.close());

const OTHER_REQUIRED = ['EPHOTO', 'JUSTIFICATIF_NATIONALITE', 'JUSTIFICATIF_DOMICILE', 'JUSTIFICATIF_RESIDENCE_HABITUELLE'];

describe('declaring a dossier complete', () => {
  it('requires every required piece to be conforming, naming those that are not', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'conforme');
    await expectRefusal(await desk.act('complete'), 409, /non conformes ou non vérifiées.*Numéro e-photo/);
    expect(desk.status()).toBe('en_examen');
    expect(countRows(desk.h, 'outbox_emails')).toBe(0);
  });

  it('then moves the file to « complet » and e-mails the applicant, with the comment in the history', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'conforme');
    for (const code of OTHER_REQUIRED) await desk.review(code, 'conforme');
    const response = await desk.act('complete', desk.cookies.agent, { reason: 'Tout est en ordre' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'complete', allowed_actions: [], deadline_at: null });
    expect(countRows(desk.h, 'outbox_emails', "template='complete'")).toBe(1);
    expect(countRows(desk.h, 'event_log', "action='complete' and reason='Tout est en ordre'")).toBe(1);
    await expectRefusal(await desk.act('close'), 409, /Clôturer le dossier.*Complet/);
  });

  it('does not wait for the optional piece', async () => {
    for (const code of ['JUSTIFICATIF_IDENTITE', ...OTHER_REQUIRED]) await desk.review(code, 'conforme');
    expect(countRows(desk.h, 'pieces', `code='${STORED_PIECE_CODES.JUSTIFICATIF_ENTREE_REGULIERE}' and review_status='a_verifier'`)).toBe(
      1,
    );
    expect((await desk.act('complete')).status).toBe(200);
  });
});
