import { schema } from '@em/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, send } from '../../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

const { STORED_PIECE_CODES } = schema;

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(() => desk.h.close());

describe('reviewing pieces', () => {
  it('is refused before the dossier is taken', async () => {
    await expectRefusal(await desk.review('JUSTIFICATIF_IDENTITE', 'conforme'), 409, /Prenez d'abord le dossier en charge/);
  });

  it('records the verdict and its message, with an event', async () => {
    await desk.act('take');
    const response = await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'veuillez joindre un autre document');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ review_status: 'manquant', review_message: 'veuillez joindre un autre document' });
    expect(countRows(desk.h, 'event_log', "action='review_piece' and before='a_verifier' and after='manquant'")).toBe(1);
  });

  it('requires a message for a flagged piece, and a verdict the contract knows', async () => {
    await desk.act('take');
    await expectRefusal(await desk.review('JUSTIFICATIF_IDENTITE', 'illisible', '  '), 409, /message/);
    await expectRefusal(await desk.review('JUSTIFICATIF_IDENTITE', 'peut-etre'), 400, 'Statut de vérification invalide.');
    // « À vérifier » is where a piece starts, not a verdict an agent gives.
    await expectRefusal(await desk.review('JUSTIFICATIF_IDENTITE', 'a_verifier'), 400, 'Statut de vérification invalide.');
    expect(countRows(desk.h, 'event_log', "action='review_piece'")).toBe(0);
  });

  it('refuses « illisible » on the e-photo number, a typed code: missing or non-conforming only', async () => {
    await desk.act('take');
    await expectRefusal(
      await desk.review('EPHOTO', 'illisible', 'illisible'),
      400,
      '« Document illisible » ne s’applique pas à la pièce « Numéro e-photo » : choisissez « Conforme », « Document manquant », « Document non conforme ».',
    );
    expect(countRows(desk.h, 'pieces', `code='${STORED_PIECE_CODES.EPHOTO}' and review_status='a_verifier'`)).toBe(1);
    expect((await desk.review('EPHOTO', 'non_conforme', 'numéro inconnu')).status).toBe(200);
  });

  it('answers 404 for a piece that does not exist', async () => {
    await desk.act('take');
    await expectRefusal(
      await send(desk.h, 'PUT', '/api/pieces/99999', desk.cookies.agent, { review_status: 'conforme' }),
      404,
      'Dossier introuvable.',
    );
  });
});
