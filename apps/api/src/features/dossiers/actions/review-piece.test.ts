import { schema } from '@em/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, get, listUrl, send } from '../../../testing/harness.js';
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
    // The piece's code is kept short in its own column, and read back at the head of the reason.
    expect(desk.h.db.$client.prepare('select piece, reason from events where piece is not null').all()).toEqual([
      { piece: STORED_PIECE_CODES.JUSTIFICATIF_IDENTITE, reason: 'veuillez joindre un autre document' },
    ]);
    await desk.review('JUSTIFICATIF_IDENTITE', 'conforme');
    const history = await get(desk.h, listUrl('events', { filter: { dossier_id: desk.dossier.dossier.id } }), desk.cookies.agent);
    const reviews = ((await history.json()) as { action: string; reason: string }[]).filter((e) => e.action === 'review_piece');
    expect(reviews.map((e) => e.reason)).toEqual(['JUSTIFICATIF_IDENTITE : veuillez joindre un autre document', 'JUSTIFICATIF_IDENTITE']);
    expect(desk.h.db.$client.prepare("select reason from event_log where action = 'review_piece' order by id").pluck().all()).toEqual(
      reviews.map((e) => e.reason),
    );
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
