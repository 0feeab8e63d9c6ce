import { readdirSync } from 'node:fs';
import { fileStorePath } from '@em/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  applicantLogin,
  complementRequested,
  countRows,
  createHarness,
  get,
  type Harness,
  login,
  ORIGIN,
  outboxEmail,
  PDF_BYTES,
  send,
  uploadFile,
} from '../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from '../dossiers/actions/desk.js';

const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
]);
const EXE_BYTES = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

type Form = { bytes?: Uint8Array; name?: string; via?: string; on?: string };

/** The console's « Joindre un document reçu » dialog, as multipart. */
function attach(
  h: Harness,
  cookie: string,
  pieceId: number,
  { bytes = PDF_BYTES, name = 'acte.pdf', via = 'guichet', on = '2026-06-30' }: Form = {},
) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
  const receipt = new URLSearchParams();
  if (via) receipt.set('received_via', via);
  if (on) receipt.set('received_on', on);
  return h.app.request(`/api/pieces/${pieceId}/files?${receipt}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
}

const storedFiles = (h: Harness) => readdirSync(fileStorePath(h.dataDir)).length;

describe('a justificatif received at the counter or by post', () => {
  let desk: Desk;
  let identite: number;
  beforeEach(async () => {
    desk = await openDesk();
    identite = desk.dossier.pieceIds.JUSTIFICATIF_IDENTITE!;
    await desk.act('take');
    desk.h.clock.set(new Date('2026-07-02T09:00:00Z'));
    await desk.logInAll();
  });
  afterEach(() => desk.h.close());

  it('is attached by the agent, shown on the piece and its files, and puts a reviewed piece back to « à vérifier »', async () => {
    await desk.review('JUSTIFICATIF_IDENTITE', 'illisible', 'copie illisible');
    const response = await attach(desk.h, desk.cookies.agent, identite, {
      bytes: PNG_BYTES,
      name: 'scan guichet.jpg',
      via: 'courrier',
      on: '2026-07-01',
    });
    expect(response.status).toBe(201);
    const file = await response.json();
    expect(file).toMatchObject({
      piece_id: identite,
      original_name: 'scan guichet.png',
      detected_type: 'image/png',
      uploaded_by: 'agent',
      received_via: 'courrier',
      received_on: '2026-07-01',
      complement_request_id: null,
      late: false,
    });
    expect((await get(desk.h, file.url, desk.cookies.agent)).status).toBe(200);
    const piece = await (await get(desk.h, `/api/pieces/${identite}`, desk.cookies.agent)).json();
    expect(piece).toMatchObject({ review_status: 'a_verifier', review_message: '', file_count: 2 });
    const events = desk.h.db.$client
      .prepare("select actor_role, before, after, reason from event_log where action = 'attach_received_file'")
      .all();
    expect(events).toEqual([
      {
        actor_role: 'agent',
        before: 'illisible',
        after: 'a_verifier',
        reason: 'JUSTIFICATIF_IDENTITE : scan guichet.png — reçu par courrier le 01/07/2026',
      },
    ]);
  });

  it('is attached by a supervisor of the préfecture, refused to another préfecture (404), to the admin (403) and to applicants (401)', async () => {
    expect((await attach(desk.h, desk.cookies.supervisor, identite)).status).toBe(201);
    const before = countRows(desk.h, 'files');
    await expectRefusal(await attach(desk.h, desk.cookies.foreign, identite), 404, 'Dossier introuvable.');
    await expectRefusal(await attach(desk.h, desk.cookies.admin, identite), 403, /administrateur national/);
    await addApplicant(desk.h.db, 'autre@x.fr');
    await expectRefusal(await attach(desk.h, await applicantLogin(desk.h, 'autre@x.fr'), identite), 401, /.+/);
    await expectRefusal(await attach(desk.h, '', identite), 401, /.+/);
    expect(countRows(desk.h, 'files')).toBe(before);
    expect(countRows(desk.h, 'event_log', "action = 'attach_received_file'")).toBe(1);
  });

  it('passes the checks of an online upload, and nothing is stored or recorded when one fails', async () => {
    const stored = storedFiles(desk.h);
    const { agent } = desk.cookies;
    await expectRefusal(await attach(desk.h, agent, identite, { bytes: EXE_BYTES, name: 'passeport.pdf' }), 415, /Format non accepté/);
    const tooBig = new Uint8Array(10 * 1024 * 1024 + 1);
    tooBig.set(PDF_BYTES);
    await expectRefusal(await attach(desk.h, agent, identite, { bytes: tooBig }), 413, 'Le fichier dépasse 10 Mo.');
    await expectRefusal(await attach(desk.h, agent, identite, { bytes: new Uint8Array(0) }), 400, 'Le fichier est vide.');
    await expectRefusal(
      await attach(desk.h, agent, identite, { via: 'pigeon' }),
      400,
      'Indiquez comment le document a été reçu : au guichet ou par courrier.',
    );
    await expectRefusal(await attach(desk.h, agent, identite, { on: '' }), 400, 'Indiquez la date de réception du document.');
    await expectRefusal(
      await attach(desk.h, agent, identite, { on: '2026-07-03' }),
      400,
      'La date de réception ne peut pas être dans le futur.',
    );
    await expectRefusal(
      await attach(desk.h, agent, identite, { on: '2026-06-28', bytes: PNG_BYTES }),
      400,
      'La date de réception ne peut pas précéder le dépôt de la demande (le 29/06/2026).',
    );
    await expectRefusal(await attach(desk.h, agent, desk.dossier.pieceIds.EPHOTO!), 409, /numéro e-photo est un numéro/);
    expect(storedFiles(desk.h)).toBe(stored);
    expect(countRows(desk.h, 'event_log', "action = 'attach_received_file'")).toBe(0);
  });

  it('keeps the number of documents a piece takes', async () => {
    const residence = desk.dossier.pieceIds.JUSTIFICATIF_RESIDENCE_HABITUELLE!;
    // One PDF came with the deposit: five more fit, each a different document.
    for (let n = 1; n <= 5; n++) {
      const bytes = new TextEncoder().encode(`%PDF-1.4\n% avis ${n}\n%%EOF\n`);
      expect((await attach(desk.h, desk.cookies.agent, residence, { bytes })).status).toBe(201);
    }
    await expectRefusal(await attach(desk.h, desk.cookies.agent, residence, { bytes: PNG_BYTES }), 409, /6 documents au plus/);
  });

  it('waits until the dossier is examined, and not after its decision', async () => {
    desk.h.db.$client.prepare("update dossiers set status = 'deposee'").run();
    await expectRefusal(await attach(desk.h, desk.cookies.agent, identite), 409, /Prenez d'abord le dossier en charge/);
    desk.h.db.$client.prepare("update dossiers set status = 'complete'").run();
    await expectRefusal(await attach(desk.h, desk.cookies.agent, identite), 409, /ne peut être joint qu'à un dossier en examen/);
  });
});

describe('during a complement request', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(new Date('2026-06-29T08:00:00Z'));
  });
  afterEach(() => h.close());

  it('answers a requested piece for the applicant, who sees it, cannot remove it, sends the other one and deposits', async () => {
    const { pieceIds, agent, usager } = await complementRequested(h, 'moi@x.fr', 'DIALLO', [
      'JUSTIFICATIF_IDENTITE',
      'JUSTIFICATIF_DOMICILE',
    ]);
    const identite = pieceIds.JUSTIFICATIF_IDENTITE!;
    const created = await (await attach(h, agent, identite, { on: '2026-06-29' })).json();
    expect(created).toMatchObject({ complement_request_id: expect.any(Number), received_via: 'guichet', late: false });
    // The piece stays flagged until the complements are deposited.
    expect(countRows(h, 'pieces', "id = ? and review_status = 'illisible'", identite)).toBe(1);
    const view = await (await get(h, '/api/usager/dossier', usager)).json();
    expect(view.status).toBe('complement_demande');
    const piece = view.pieces.find((p: { id: number }) => p.id === identite);
    expect(piece.answered).toBe(true);
    expect(piece.files.at(-1)).toMatchObject({ id: created.id, received_via: 'guichet', removable: false });
    await expectRefusal(await send(h, 'DELETE', `/api/usager/files/${created.id}`, usager), 409, /déjà été transmis/);
    await expectRefusal(await send(h, 'POST', '/api/usager/dossier/complements', usager), 409, /Justificatif de domicile/);
    expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_DOMICILE!, PDF_BYTES, 'edf.pdf')).status).toBe(201);
    expect((await send(h, 'POST', '/api/usager/dossier/complements', usager)).status).toBe(200);
  });

  it('when the last requested piece comes at the counter, records the complements as received: nothing left to deposit, nothing to close', async () => {
    const { dossier, pieceIds } = await complementRequested(h);
    const identite = pieceIds.JUSTIFICATIF_IDENTITE!;
    // The letter came on 29 June; the agent records it on 1 July.
    h.clock.set(new Date('2026-07-01T08:00:00Z'));
    const [agent, usager] = [await login(h, 'agent@59.fr'), await applicantLogin(h, 'moi@x.fr')];
    expect((await attach(h, agent, identite, { via: 'courrier', on: '2026-06-29' })).status).toBe(201);
    const view = await (await get(h, '/api/usager/dossier', usager)).json();
    expect(view.status).toBe('complement_recu');
    expect(countRows(h, 'pieces', "id = ? and review_status = 'a_verifier'", identite)).toBe(1);
    const events = h.db.$client
      .prepare("select actor_role, after, reason from event_log where action = 'submit_complements' and dossier_id = ?")
      .all(dossier.id);
    expect(events).toEqual([
      { actor_role: 'agent', after: 'complement_recu', reason: 'JUSTIFICATIF_IDENTITE — dernier document reçu par courrier' },
    ]);
    expect(countRows(h, 'outbox_emails', "template = 'complements_received' and dossier_id = ?", dossier.id)).toBe(1);
    // The day it was handed in, with no made-up hour.
    expect(outboxEmail(h, "template = 'complements_received'")!.text).toContain(
      'Nous avons bien reçu le lundi 29 juin 2026 les éléments complémentaires',
    );
    // Answered on the day the letter came, not the day it was recorded.
    const answeredAt = h.db.$client.prepare('select answered_at from complement_requests where dossier_id = ?').pluck().get(dossier.id);
    expect(answeredAt).toBe(Date.parse('2026-06-29T12:00:00Z'));
    // Long after the deadline, the dossier cannot be closed as incomplete: its pieces came.
    h.clock.set(new Date('2026-09-01T10:00:00Z'));
    const [agentLater, usagerLater] = [await login(h, 'agent@59.fr'), await applicantLogin(h, 'moi@x.fr')];
    await expectRefusal(await send(h, 'POST', `/api/dossiers/${dossier.id}/close`, agentLater, {}), 409, /.+/);
    await expectRefusal(await send(h, 'POST', '/api/usager/dossier/complements', usagerLater), 409, /.+/);
  });
});
