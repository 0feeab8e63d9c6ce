import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  countRows,
  createHarness,
  deliverEmails,
  type Harness,
  login,
  ORIGIN,
  outboxEmail,
  PASSWORD,
  PDF_BYTES,
  send,
} from '../../testing/harness.js';

const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15,
  0xc4, 0x89,
]);

let h: Harness;
let mine: ReturnType<typeof addDepositedDossier>;
let theirs: ReturnType<typeof addDepositedDossier>;
let agent: string;
let usager: string;

async function applicantLogin(email: string) {
  const response = await h.app.request('/api/usager/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

function upload(pieceId: number, bytes: Uint8Array<ArrayBuffer>, name: string, cookie = usager) {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'application/pdf' }));
  return h.app.request(`/api/usager/pieces/${pieceId}/files`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
}

const dossierView = async (cookie = usager) => (await h.app.request('/api/usager/dossier', { headers: { Cookie: cookie } })).json();

beforeEach(async () => {
  h = createHarness(new Date('2026-03-02T09:00:00Z'));
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  const me = await addApplicant(h.db, 'moi@x.fr');
  const other = await addApplicant(h.db, 'autre@x.fr');
  mine = addDepositedDossier(h, '59', me.id, 'DIALLO');
  theirs = addDepositedDossier(h, '59', other.id, 'MARTIN');
  agent = await login(h, 'agent@59.fr');
  usager = await applicantLogin('moi@x.fr');
  await send(h, 'POST', `/api/dossiers/${mine.dossier.id}/take`, agent);
  await send(h, 'PUT', `/api/pieces/${mine.pieceIds.JUSTIFICATIF_IDENTITE}`, agent, {
    review_status: 'manquant',
    review_message: 'veuillez joindre un autre document',
  });
  await send(h, 'POST', `/api/dossiers/${mine.dossier.id}/complement-request`, agent);
  // The request's e-mail is accepted for delivery at once: the applicant's deadline runs.
  await deliverEmails(h);
});
afterEach(() => h.close());

describe('the applicant’s view', () => {
  it('shows their own dossier with the flagged piece and the agent’s message, never another', async () => {
    const view = await dossierView();
    expect(view).toMatchObject({ id: mine.dossier.id, status: 'complement_demande', complement: { late: false } });
    const identite = view.pieces.find((p: { code: string }) => p.code === 'JUSTIFICATIF_IDENTITE');
    expect(identite).toMatchObject({
      flagged: true,
      answered: false,
      review_status: 'manquant',
      review_message: 'veuillez joindre un autre document',
    });
    expect(view.pieces.filter((p: { flagged: boolean }) => p.flagged)).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain('MARTIN');
  });

  it('refuses a wrong password, and a staff account, with the same French message', async () => {
    for (const email of ['moi@x.fr', 'agent@59.fr']) {
      const response = await h.app.request('/api/usager/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: email === 'moi@x.fr' ? 'faux' : PASSWORD }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Identifiant ou mot de passe incorrect.' });
    }
  });

  it('answers 401 without an applicant session, even with a staff one', async () => {
    expect((await h.app.request('/api/usager/dossier')).status).toBe(401);
    expect((await h.app.request('/api/usager/dossier', { headers: { Cookie: agent } })).status).toBe(401);
    expect((await h.app.request('/api/dossiers', { headers: { Cookie: usager } })).status).toBe(401);
  });
});

describe('uploading complements', () => {
  it('accepts a real PDF on a flagged piece, named safely', async () => {
    const response = await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, '../../etc/acte de naissance.pdf');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      original_name: 'acte de naissance.pdf',
      detected_type: 'application/pdf',
      removable: true,
      late: false,
    });
  });

  it('takes the type from the content, not the name: a PNG called .pdf is stored as png', async () => {
    const response = await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PNG_BYTES, 'scan.pdf');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ original_name: 'scan.png', detected_type: 'image/png' });
  });

  it('refuses a file that is not jpg/pdf/png/bmp/tiff with 415 and stores nothing', async () => {
    const before = readdirSync(join(h.dataDir, 'files')).length;
    const response = await upload(
      mine.pieceIds.JUSTIFICATIF_IDENTITE!,
      new TextEncoder().encode('<html>not a pdf</html>'),
      'passeport.pdf',
    );
    expect(response.status).toBe(415);
    expect((await response.json()).message).toMatch(/Format non accepté : le contenu de « passeport\.pdf »/);
    expect(readdirSync(join(h.dataDir, 'files')).length).toBe(before);
    expect(countRows(h, 'files', 'complement_request_id is not null')).toBe(0);
  });

  it('refuses a file over 10 Mo with 413, and an empty one with 400', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF_BYTES);
    const tooBig = await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, big, 'gros.pdf');
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).message).toBe('Le fichier dépasse 10 Mo.');
    const empty = await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, new Uint8Array(0), 'vide.pdf');
    expect(empty.status).toBe(400);
    expect(countRows(h, 'files', 'complement_request_id is not null')).toBe(0);
  });

  it('refuses files on pieces that were not asked for (409) and on another applicant’s pieces (404)', async () => {
    const unasked = await upload(mine.pieceIds.JUSTIFICATIF_DOMICILE!, PDF_BYTES, 'facture.pdf');
    expect(unasked.status).toBe(409);
    expect((await unasked.json()).message).toMatch(/n'a pas été demandée/);
    expect((await upload(theirs.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'x.pdf')).status).toBe(404);
  });

  it('lets the applicant remove a file of this round, not an earlier one', async () => {
    const added = await (await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'erreur.pdf')).json();
    const remove = (id: number) =>
      h.app.request(`/api/usager/files/${id}`, { method: 'DELETE', headers: { Cookie: usager, Origin: ORIGIN } });
    expect((await remove(added.id)).status).toBe(204);
    expect((await remove(mine.fileIds[0]!)).status).toBe(409);
  });
});

describe('a flagged e-photo number', () => {
  const putEphoto = (ephoto: unknown) => send(h, 'PUT', '/api/usager/dossier/ephoto', usager, { ephoto });

  it('cannot be replaced when the préfecture did not ask for it', async () => {
    const response = await putEphoto('ZYXWVUTSRQ9876543210AB');
    expect(response.status).toBe(409);
  });

  it('is answered by typing a new 22-character code, not by a file', async () => {
    await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'acte.pdf');
    await send(h, 'POST', '/api/usager/dossier/complements', usager);
    await send(h, 'PUT', `/api/pieces/${mine.pieceIds.EPHOTO}`, agent, {
      review_status: 'non_conforme',
      review_message: 'numéro e-photo inconnu',
    });
    expect((await send(h, 'POST', `/api/dossiers/${mine.dossier.id}/complement-request`, agent)).status).toBe(200);

    expect((await upload(mine.pieceIds.EPHOTO!, PDF_BYTES, 'photo.pdf')).status).toBe(409);
    const bad = await putEphoto('123');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/22 caractères/);
    const good = await putEphoto('zyxw vuts rq98 7654 3210 ab');
    expect(good.status).toBe(200);
    const view = await good.json();
    expect(view.ephoto).toBe('ZYXWVUTSRQ9876543210AB');
    expect(view.pieces.find((p: { code: string }) => p.code === 'EPHOTO')).toMatchObject({ flagged: true, answered: true });
    expect((await send(h, 'POST', '/api/usager/dossier/complements', usager)).status).toBe(200);
  });

  it('can be corrected, or removed before the complements are deposited (« Supprimer le numéro ephoto »)', async () => {
    await send(h, 'PUT', `/api/pieces/${mine.pieceIds.EPHOTO}`, agent, { review_status: 'non_conforme', review_message: 'numéro inconnu' });
    await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'acte.pdf');
    await send(h, 'POST', '/api/usager/dossier/complements', usager);
    await send(h, 'PUT', `/api/pieces/${mine.pieceIds.EPHOTO}`, agent, { review_status: 'non_conforme', review_message: 'numéro inconnu' });
    await send(h, 'POST', `/api/dossiers/${mine.dossier.id}/complement-request`, agent);
    const removeEphoto = () => send(h, 'DELETE', '/api/usager/dossier/ephoto', usager);
    const nothingTyped = await removeEphoto();
    expect(nothingTyped.status).toBe(409);
    expect((await nothingTyped.json()).message).toBe("Vous n'avez pas saisi de nouveau numéro ephoto.");

    expect((await putEphoto('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(200);
    const corrected = await (await putEphoto('BBBBBBBBBBBBBBBBBBBBBB')).json();
    expect(corrected.ephoto).toBe('BBBBBBBBBBBBBBBBBBBBBB');
    const agentSees = async () => (await h.app.request(`/api/pieces/${mine.pieceIds.EPHOTO}`, { headers: { Cookie: agent } })).json();
    // The agent's chip « Nouveau numéro saisi ».
    expect(await agentSees()).toMatchObject({ review_status: 'a_verifier', new_number: true });
    const removed = await removeEphoto();
    expect(removed.status).toBe(200);
    const view = await removed.json();
    // The number of the deposit is back, flagged again: the complements wait for a new one.
    expect(view.ephoto).toBe('ABCDEFGHIJ0123456789KL');
    expect(view.pieces.find((p: { code: string }) => p.code === 'EPHOTO')).toMatchObject({
      review_status: 'non_conforme',
      answered: false,
    });
    expect((await send(h, 'POST', '/api/usager/dossier/complements', usager)).status).toBe(409);
    expect(
      countRows(h, 'event_log', "action = 'remove_ephoto' and before = 'BBBBBBBBBBBBBBBBBBBBBB' and after = 'ABCDEFGHIJ0123456789KL'"),
    ).toBe(1);
  });
});

describe('« Déposer les compléments »', () => {
  it('is refused until every flagged piece has a new file', async () => {
    const response = await send(h, 'POST', '/api/usager/dossier/complements', usager);
    expect(response.status).toBe(409);
    expect((await response.json()).message).toBe("Joignez d'abord un document pour : « Justificatif d’identité ».");
  });

  it('moves the dossier to « compléments reçus », keeps earlier files and acknowledges by e-mail', async () => {
    await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'acte.pdf');
    const response = await send(h, 'POST', '/api/usager/dossier/complements', usager);
    expect(response.status).toBe(200);
    const view = await response.json();
    expect(view.status).toBe('complement_recu');
    const identite = view.pieces.find((p: { code: string }) => p.code === 'JUSTIFICATIF_IDENTITE');
    expect(identite.review_status).toBe('a_verifier');
    expect(identite.files.map((f: { original_name: string }) => f.original_name)).toEqual(['justificatif_identite.pdf', 'acte.pdf']);
    expect(countRows(h, 'outbox_emails', "template='complements_received'")).toBe(1);
    expect(countRows(h, 'event_log', "action='submit_complements' and after='complement_recu'")).toBe(1);
    expect((await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'encore.pdf')).status).toBe(409);
  });

  it('accepts complements after the deadline but before closure, marked late', async () => {
    h.clock.set(new Date('2026-04-01T09:00:00Z'));
    usager = await applicantLogin('moi@x.fr');
    const file = await (await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'acte.pdf')).json();
    expect(file.late).toBe(true);
    expect((await send(h, 'POST', '/api/usager/dossier/complements', usager)).status).toBe(200);
    expect(countRows(h, 'complement_requests', 'answered_late = 1')).toBe(1);
    const email = outboxEmail(h, "template='complements_received'")!;
    expect(email.text).toMatch(/après|délai/);
  });

  it('lets the agent ask again in a new round, then declare the file complete', async () => {
    await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'acte.pdf');
    await send(h, 'POST', '/api/usager/dossier/complements', usager);
    const pieceUrl = (code: string) => `/api/pieces/${mine.pieceIds[code]}`;
    await send(h, 'PUT', pieceUrl('JUSTIFICATIF_IDENTITE'), agent, {
      review_status: 'non_conforme',
      review_message: 'acte sans filiation',
    });
    expect((await send(h, 'POST', `/api/dossiers/${mine.dossier.id}/complement-request`, agent)).status).toBe(200);
    expect(countRows(h, 'complement_requests', 'dossier_id=?', mine.dossier.id)).toBe(2);
    await upload(mine.pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'copie-integrale.pdf');
    await send(h, 'POST', '/api/usager/dossier/complements', usager);
    for (const code of Object.keys(mine.pieceIds).filter((c) => c !== 'JUSTIFICATIF_ENTREE_REGULIERE')) {
      await send(h, 'PUT', pieceUrl(code), agent, { review_status: 'conforme' });
    }
    const complete = await send(h, 'POST', `/api/dossiers/${mine.dossier.id}/complete`, agent);
    expect((await complete.json()).status).toBe('complete');
  });
});
