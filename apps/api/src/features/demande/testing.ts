import { expect } from 'vitest';
import { addApplicant, applicantLogin, type Harness, ORIGIN, PDF_BYTES, send } from '../../testing/harness.js';

export const etatCivil = {
  birthName: 'Guide',
  usageName: '',
  firstNames: ['Malade'],
  sex: 'F',
  birthDay: '2',
  birthMonth: '4',
  birthYear: '2000',
  birthCountry: 'Mexique',
  birthPlace: 'Mexico',
  nationalities: ['Mexique'],
};
export const adresse = {
  addressNumber: '20',
  addressStreet: 'Rue Nationale',
  addressComplement: '',
  postalCode: '59800',
  city: 'Lille',
  country: 'France',
  inseeCode: '59350',
};
export const contact = { email: '', phone: '0102030405' };
export const personal = { etatCivil, adresse, contact };
export const motif = {
  entryDate: '2020-03-10',
  familySituation: 'celibataire',
  unionDate: null,
  unionCountry: null,
  dependentChildren: false,
  attestNoPolygamy: true,
  attestPenalties: true,
};
export const EPHOTO = 'ABCDEFGHIJ0123456789KL';
export const FILE_PIECES = [
  'JUSTIFICATIF_NATIONALITE',
  'JUSTIFICATIF_IDENTITE',
  'JUSTIFICATIF_DOMICILE',
  'JUSTIFICATIF_RESIDENCE_HABITUELLE',
];

export function uploadTo(
  h: Harness,
  cookie: string,
  id: number,
  code: string,
  bytes: Uint8Array<ArrayBuffer> = PDF_BYTES,
  name = 'piece.pdf',
) {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'application/pdf' }));
  return h.app.request(`/api/usager/demandes/${id}/pieces/${code}/fichiers`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN },
    body: form,
  });
}

/** Steps 1 to `upTo` saved through the API, as the portal does; returns the draft's id. */
export async function fillDraft(
  h: Harness,
  cookie: string,
  upTo = 4,
  changes: { adresse?: object; etatCivil?: object; contact?: object } = {},
) {
  const started = await send(h, 'POST', '/api/usager/demandes', cookie, { situation: 'etranger_malade' });
  expect(started.status).toBeLessThan(300);
  const { id } = (await started.json()) as { id: number };
  if (upTo >= 2) {
    const body = {
      etatCivil: { ...etatCivil, ...changes.etatCivil },
      adresse: { ...adresse, ...changes.adresse },
      contact: { ...contact, ...changes.contact },
    };
    expect((await send(h, 'PUT', `/api/usager/demandes/${id}/informations-personnelles`, cookie, body)).status).toBe(200);
  }
  if (upTo >= 3) expect((await send(h, 'PUT', `/api/usager/demandes/${id}/motif`, cookie, motif)).status).toBe(200);
  if (upTo >= 4) {
    for (const code of FILE_PIECES) expect((await uploadTo(h, cookie, id, code)).status).toBe(201);
    expect((await send(h, 'PUT', `/api/usager/demandes/${id}/justificatifs`, cookie, { ephoto: EPHOTO })).status).toBe(200);
  }
  return id;
}

/** A new applicant, logged in, with a draft saved up to step `upTo`. */
export async function applicantWithDraft(h: Harness, email: string, upTo = 4, changes: Parameters<typeof fillDraft>[3] = {}) {
  const applicant = await addApplicant(h.db, email);
  const cookie = await applicantLogin(h, email);
  const id = await fillDraft(h, cookie, upTo, changes);
  return { applicant, cookie, id };
}
