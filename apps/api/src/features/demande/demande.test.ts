import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addApplicant, applicantLogin, countRows, createHarness, get, type Harness, PDF_BYTES, send } from '../../testing/harness.js';
import { adresse, applicantWithDraft, EPHOTO, etatCivil, FILE_PIECES, motif, personal, uploadTo } from './testing.js';

let h: Harness;
let cookie: string;
const url = (id: number, rest = '') => `/api/usager/demandes/${id}${rest}`;
const storedFiles = () => readdirSync(join(h.dataDir, 'files')).filter((name) => !name.startsWith('.'));

beforeEach(async () => {
  h = createHarness(new Date('2026-03-02T09:00:00Z'));
  await addApplicant(h.db, 'moi@x.fr');
  cookie = await applicantLogin(h, 'moi@x.fr');
});
afterEach(() => h.close());

async function start() {
  const response = await send(h, 'POST', '/api/usager/demandes', cookie, { situation: 'etranger_malade' });
  return { response, draft: await response.json() };
}

describe('step 1 « Votre situation »', () => {
  it('starts a draft at 20 %, with every piece of the catalogue, and the same one when asked again', async () => {
    const { response, draft } = await start();
    expect(response.status).toBe(201);
    expect(draft).toMatchObject({ status: 'brouillon', lastSavedStep: 1, progress: 20, resumeStep: 2, accountEmail: 'moi@x.fr' });
    expect(draft.pieces.map((p: { code: string }) => p.code)).toEqual([
      'EPHOTO',
      'JUSTIFICATIF_NATIONALITE',
      'JUSTIFICATIF_IDENTITE',
      'JUSTIFICATIF_ENTREE_REGULIERE',
      'JUSTIFICATIF_DOMICILE',
      'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    ]);
    const again = await start();
    expect(again.response.status).toBe(200);
    expect(again.draft.id).toBe(draft.id);
    expect(countRows(h, 'dossiers')).toBe(1);
    expect((await (await get(h, '/api/usager/demandes/brouillon', cookie)).json()).id).toBe(draft.id);
  });

  it('says plainly that the other situations are not handled here', async () => {
    const response = await send(h, 'POST', '/api/usager/demandes', cookie, { situation: 'ne_en_france' });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/^Cette situation n'est pas traitée par ce service/);
    expect(countRows(h, 'dossiers')).toBe(0);
  });

  it('answers 404 when there is no draft in progress, 401 without a session', async () => {
    expect((await get(h, '/api/usager/demandes/brouillon', cookie)).status).toBe(404);
    expect((await get(h, '/api/usager/demandes/brouillon')).status).toBe(401);
  });
});

describe('step 2 « Informations personnelles »', () => {
  it('saves the état civil, the address and the contact, and tells the préfecture of the address', async () => {
    const { draft } = await start();
    const response = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, personal);
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(saved).toMatchObject({
      lastSavedStep: 2,
      progress: 45,
      resumeStep: 3,
      etatCivil: { birthName: 'Guide', firstNames: ['Malade'], birthDay: 2, birthMonth: 4, birthYear: 2000, nationalities: ['Mexique'] },
      adresse: { city: 'Lille', inseeCode: '59350', country: 'France' },
      contact: { phone: '0102030405' },
      prefecture: { code: '59', name: 'Préfecture du Nord' },
    });
  });

  it('refuses a bad field with its French message and field path, and keeps what was saved before', async () => {
    const { draft } = await start();
    const bad = { ...personal, etatCivil: { ...etatCivil, birthDay: '30', birthMonth: '2' }, contact: { phone: '' } };
    const response = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, bad);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "Date de naissance : cette date n'existe pas.",
      fields: { 'etatCivil.birthDay': "Date de naissance : cette date n'existe pas.", 'contact.phone': 'Téléphone : champ obligatoire.' },
    });
    expect((await (await get(h, url(draft.id), cookie)).json()).lastSavedStep).toBe(1);
  });

  it('takes countries and nationalities from the French list only', async () => {
    const { draft } = await start();
    const response = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, {
      ...personal,
      etatCivil: { ...etatCivil, birthCountry: 'Mexico', nationalities: ['Mexique', 'France'] },
    });
    expect((await response.json()).fields).toEqual({
      'etatCivil.birthCountry': 'Pays de naissance : choisissez un pays de la liste.',
      'etatCivil.nationalities.1': 'Nationalité(s) : choisissez une nationalité de la liste.',
    });
  });

  it('refuses an INSEE code whose département has no préfecture, and routes overseas and Corsican ones', async () => {
    const { draft } = await start();
    const unknown = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, {
      ...personal,
      adresse: { ...adresse, inseeCode: '96001' },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).fields['adresse.inseeCode']).toMatch(/aucune préfecture ne correspond au code 96001/);
    for (const [inseeCode, code] of [
      ['97411', '974'],
      ['2A004', '2A'],
      ['75111', '75'],
    ]) {
      const response = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, {
        ...personal,
        adresse: { ...adresse, inseeCode },
      });
      expect((await response.json()).prefecture.code).toBe(code);
    }
  });

  it('refuses a birth date in the future', async () => {
    const { draft } = await start();
    const response = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, {
      ...personal,
      etatCivil: { ...etatCivil, birthDay: '3', birthMonth: '3', birthYear: '2026' },
    });
    expect((await response.json()).message).toBe('Date de naissance : elle ne peut pas être dans le futur.');
  });
});

describe('step 3 « Motif de séjour »', () => {
  it('needs step 2 first, then checks the entry date against the saved birth date', async () => {
    const { draft } = await start();
    const early = await send(h, 'PUT', url(draft.id, '/motif'), cookie, motif);
    expect(early.status).toBe(409);
    expect((await early.json()).message).toBe("Enregistrez d'abord l'étape « Informations personnelles ».");
    await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, personal);
    const before = await send(h, 'PUT', url(draft.id, '/motif'), cookie, { ...motif, entryDate: '1999-12-31' });
    expect(before.status).toBe(400);
    expect((await before.json()).fields).toEqual({
      entryDate: "Date d'entrée en France : elle ne peut pas précéder votre date de naissance.",
    });
    const saved = await send(h, 'PUT', url(draft.id, '/motif'), cookie, motif);
    expect(await saved.json()).toMatchObject({
      lastSavedStep: 3,
      progress: 70,
      motif: { entryDate: '2020-03-10', familySituation: 'celibataire' },
    });
  });

  it('asks the union date and country of Marié(e) only, and requires both attestations', async () => {
    const { id } = await applicantWithDraft(h, 'marie@x.fr', 2);
    const other = await applicantLogin(h, 'marie@x.fr');
    const married = await send(h, 'PUT', url(id, '/motif'), other, { ...motif, familySituation: 'marie', attestPenalties: false });
    expect((await married.json()).fields).toEqual({
      unionDate: "Date de début de l'union : champ obligatoire.",
      unionCountry: "Pays de l'union : champ obligatoire.",
      attestPenalties: "L'attestation de connaissance des sanctions pénales est obligatoire.",
    });
    const ok = await send(h, 'PUT', url(id, '/motif'), other, {
      ...motif,
      familySituation: 'marie',
      unionDate: '2019-06-01',
      unionCountry: 'Mexique',
    });
    expect((await ok.json()).motif).toMatchObject({ unionDate: '2019-06-01', unionCountry: 'Mexique' });
    const single = await send(h, 'PUT', url(id, '/motif'), other, { ...motif, unionDate: '2019-06-01', unionCountry: 'Mexique' });
    expect((await single.json()).motif).toMatchObject({ familySituation: 'celibataire', unionDate: null, unionCountry: null });
  });
});

describe('step 4 « Justificatifs »', () => {
  it('keeps files per piece, removable before the deposit, and needs every required piece and the e-photo', async () => {
    const { id } = await applicantWithDraft(h, 'pieces@x.fr', 3);
    const other = await applicantLogin(h, 'pieces@x.fr');
    const file = await (await uploadTo(h, other, id, 'JUSTIFICATIF_IDENTITE', PDF_BYTES, '../acte.pdf')).json();
    expect(file).toMatchObject({ originalName: 'acte.pdf', detectedType: 'application/pdf', url: `/api/usager/files/${file.id}/content` });
    expect((await get(h, file.url, other)).status).toBe(200);
    const missing = await send(h, 'PUT', url(id, '/justificatifs'), other, { ephoto: EPHOTO });
    expect(missing.status).toBe(409);
    expect((await missing.json()).message).toBe(
      "Joignez d'abord un document pour : « Justificatif de nationalité », « Justificatif de domicile de moins de 6 mois », « Justificatif de résidence habituelle (au moins 1 an) ».",
    );
    for (const code of FILE_PIECES) await uploadTo(h, other, id, code);
    const badPhoto = await send(h, 'PUT', url(id, '/justificatifs'), other, { ephoto: '1234' });
    expect((await badPhoto.json()).fields).toEqual({ ephoto: 'Numéro e-photo : 22 caractères (lettres et chiffres) attendus.' });
    expect((await send(h, 'DELETE', url(id, `/fichiers/${file.id}`), other)).status).toBe(204);
    const saved = await send(h, 'PUT', url(id, '/justificatifs'), other, { ephoto: 'abcdefghij 0123456789 kl' });
    expect(await saved.json()).toMatchObject({ lastSavedStep: 4, progress: 90, resumeStep: 5, ephoto: EPHOTO });
  });

  it('stores nothing for a refused upload: wrong type, too many files, e-photo piece, unknown piece', async () => {
    const { id } = await applicantWithDraft(h, 'refus@x.fr', 3);
    const other = await applicantLogin(h, 'refus@x.fr');
    const before = storedFiles().length;
    const html = await uploadTo(h, other, id, 'JUSTIFICATIF_IDENTITE', new TextEncoder().encode('<html>non</html>'), 'acte.pdf');
    expect(html.status).toBe(415);
    expect((await html.json()).message).toMatch(/^Format non accepté/);
    expect((await uploadTo(h, other, id, 'EPHOTO')).status).toBe(409);
    expect((await uploadTo(h, other, id, 'INCONNU')).status).toBe(404);
    expect(storedFiles().length).toBe(before);

    for (let i = 0; i < 6; i++) {
      const bytes = new TextEncoder().encode(`%PDF-1.4\n% fichier ${i}\n%%EOF\n`);
      expect((await uploadTo(h, other, id, 'JUSTIFICATIF_RESIDENCE_HABITUELLE', bytes)).status).toBe(201);
    }
    const afterSix = storedFiles().length;
    const seventh = await uploadTo(
      h,
      other,
      id,
      'JUSTIFICATIF_RESIDENCE_HABITUELLE',
      new TextEncoder().encode('%PDF-1.4\n% septième\n%%EOF\n'),
    );
    expect(seventh.status).toBe(409);
    expect((await seventh.json()).message).toMatch(/^6 documents au plus pour « Justificatif de résidence habituelle/);
    expect(storedFiles().length).toBe(afterSix);
  });
});

describe('ownership', () => {
  it('answers 404 for another applicant’s draft, on every route, and changes nothing', async () => {
    const theirs = await applicantWithDraft(h, 'autre@x.fr', 4);
    const fileId = (
      h.db.$client.prepare('select f.id from files f join pieces p on p.id = f.piece_id where p.dossier_id = ?').get(theirs.id) as {
        id: number;
      }
    ).id;
    const before = storedFiles().length;
    const attempts = [
      get(h, url(theirs.id), cookie),
      send(h, 'PUT', url(theirs.id, '/informations-personnelles'), cookie, personal),
      send(h, 'PUT', url(theirs.id, '/motif'), cookie, motif),
      send(h, 'PUT', url(theirs.id, '/justificatifs'), cookie, { ephoto: EPHOTO }),
      uploadTo(h, cookie, theirs.id, 'JUSTIFICATIF_IDENTITE'),
      send(h, 'DELETE', url(theirs.id, `/fichiers/${fileId}`), cookie),
      send(h, 'POST', url(theirs.id, '/abandon'), cookie),
      send(h, 'POST', url(theirs.id, '/depot'), cookie, { observations: '' }),
      get(h, url(theirs.id, '/recu'), cookie),
      get(h, `/api/usager/files/${fileId}/content`, cookie),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect(storedFiles().length).toBe(before);
    const row = h.db.$client.prepare('select status, birth_name from dossiers where id = ?').get(theirs.id);
    expect(row).toEqual({ status: 'brouillon', birth_name: 'Guide' });
    expect(countRows(h, 'files f join pieces p on p.id = f.piece_id', 'p.dossier_id = ?', theirs.id)).toBe(4);
  });

  it('a file of my own other draft cannot be removed through this one', async () => {
    const mine = await applicantWithDraft(h, 'a@x.fr', 4);
    const theirs = await applicantWithDraft(h, 'b@x.fr', 4);
    const theirFile = (
      h.db.$client.prepare('select f.id from files f join pieces p on p.id = f.piece_id where p.dossier_id = ?').get(theirs.id) as {
        id: number;
      }
    ).id;
    expect((await send(h, 'DELETE', url(mine.id, `/fichiers/${theirFile}`), mine.cookie)).status).toBe(404);
  });
});

describe('« Abandonner la demande »', () => {
  it('abandons the draft for good, with an event, and lets a new one start', async () => {
    const { draft } = await start();
    const response = await send(h, 'POST', url(draft.id, '/abandon'), cookie);
    expect(await response.json()).toMatchObject({ status: 'abandonnee' });
    expect(countRows(h, 'event_log', "action = 'abandon' and before = 'brouillon' and after = 'abandonnee'")).toBe(1);
    const again = await send(h, 'PUT', url(draft.id, '/informations-personnelles'), cookie, personal);
    expect(again.status).toBe(409);
    expect((await again.json()).message).toBe('Cette demande a été abandonnée : elle ne peut plus être modifiée.');
    expect((await send(h, 'POST', url(draft.id, '/abandon'), cookie)).status).toBe(409);
    const next = await start();
    expect(next.response.status).toBe(201);
    expect(next.draft.id).not.toBe(draft.id);
  });
});

describe('communes', () => {
  it('searches the official list by name or postal code, with the INSEE code and département', async () => {
    const lille = await (await get(h, '/api/usager/communes?q=lille', cookie)).json();
    expect(lille[0]).toEqual({ nom: 'Lille', codePostal: '59000', codeInsee: '59350', departement: '59' });
    const byCode = await (await get(h, '/api/usager/communes?q=97400', cookie)).json();
    expect(byCode).toContainEqual({ nom: 'Saint-Denis', codePostal: '97400', codeInsee: '97411', departement: '974' });
    const saint = await (await get(h, '/api/usager/communes?q=st%20etienne', cookie)).json();
    expect(saint[0].nom).toBe('Saint-Étienne');
    const paris = await (await get(h, '/api/usager/communes?q=paris%2011', cookie)).json();
    expect(paris[0]).toMatchObject({ codeInsee: '75111', codePostal: '75011', departement: '75' });
    expect(await (await get(h, '/api/usager/communes?q=l', cookie)).json()).toEqual([]);
    expect((await (await get(h, '/api/usager/communes?q=saint', cookie)).json()).length).toBe(20);
    expect((await get(h, '/api/usager/communes?q=lille')).status).toBe(401);
  });
});
