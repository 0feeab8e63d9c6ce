import {
  accountMessageSchema,
  accountResponseSchema,
  communeSchema,
  depositResponseSchema,
  draftFileSchema,
  draftSchema,
  errorBodySchema,
} from '@em/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, contractCalls, cookieOf, isTeleprocedureRoute, list, noContent } from '../testing/contract-calls.js';
import { addPrefectures, createHarness, type Harness, outboxEmail, PDF_BYTES } from '../testing/harness.js';

/**
 * The téléprocédure's routes (account, draft steps, uploads, deposit, receipt), called as the
 * portal calls them, each answer parsed with its schema from @em/contract; contract.test.ts does
 * the same for every other route.
 */
let h: Harness;

beforeAll(() => {
  h = createHarness(new Date('2026-06-29T08:00:00Z'));
  addPrefectures(h.db);
});
afterAll(() => h.close());

const { call, unchecked } = contractCalls(() => h);

describe('the téléprocédure’s response contract', () => {
  it('the téléprocédure: account, draft steps, uploads, deposit and receipt', async () => {
    const account = { email: 'nouveau@x.fr', confirmation: 'nouveau@x.fr' };
    await answer(await call('POST', '/api/usager/compte', {}, { json: account }), 201, accountResponseSchema);
    const forgotten = await call('POST', '/api/usager/compte/mot-de-passe-oublie', {}, { json: { email: 'nouveau@x.fr' } });
    await answer(forgotten, 200, accountMessageSchema);
    const token = /jeton=([a-z0-9]+)/.exec(outboxEmail(h, "template = 'password_reset'")!.text)![1]!;
    const reset = { token, password: 'Nouveau-Mot-3-passe!', confirmation: 'Nouveau-Mot-3-passe!' };
    await answer(await call('POST', '/api/usager/compte/nouveau-mot-de-passe', {}, { json: reset }), 200, accountMessageSchema);
    const login = await call('POST', '/api/usager/auth/login', {}, { json: { email: 'nouveau@x.fr', password: reset.password } });
    const cookie = await cookieOf(login);

    await answer(await call('GET', '/api/usager/demandes/brouillon', {}, { cookie }), 404, errorBodySchema);
    const draft = await answer(
      await call('POST', '/api/usager/demandes', {}, { cookie, json: { situation: 'etranger_malade' } }),
      201,
      draftSchema,
    );
    const id = draft.id;
    await answer(await call('GET', '/api/usager/demandes/brouillon', {}, { cookie }), 200, draftSchema);
    await answer(await call('GET', '/api/usager/communes', { query: '?q=lille' }, { cookie }), 200, list(communeSchema));
    const personal = {
      etatCivil: {
        birthName: 'Guide',
        firstNames: ['Malade'],
        sex: 'F',
        birthYear: 2000,
        birthCountry: 'Mexique',
        birthPlace: 'Mexico',
        nationalities: ['Mexique'],
      },
      adresse: { addressStreet: 'Rue Nationale', postalCode: '59800', city: 'Lille', inseeCode: '59350' },
      contact: { phone: '0102030405' },
    };
    await answer(
      await call('PUT', '/api/usager/demandes/:id/informations-personnelles', { id }, { cookie, json: personal }),
      200,
      draftSchema,
    );
    const motif = {
      entryDate: '2020-03-10',
      familySituation: 'celibataire',
      dependentChildren: false,
      attestNoPolygamy: true,
      attestPenalties: true,
    };
    await answer(await call('PUT', '/api/usager/demandes/:id/motif', { id }, { cookie, json: motif }), 200, draftSchema);
    const form = () => {
      const data = new FormData();
      data.set('file', new File([PDF_BYTES], 'piece.pdf', { type: 'application/pdf' }));
      return data;
    };
    const upload = (code: string) => call('POST', '/api/usager/demandes/:id/pieces/:code/fichiers', { id, code }, { cookie, form: form() });
    const extra = await answer(await upload('JUSTIFICATIF_IDENTITE'), 201, draftFileSchema);
    await noContent(await call('DELETE', '/api/usager/demandes/:id/fichiers/:fileId', { id, fileId: extra.id }, { cookie }));
    for (const code of [
      'JUSTIFICATIF_NATIONALITE',
      'JUSTIFICATIF_IDENTITE',
      'JUSTIFICATIF_DOMICILE',
      'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    ]) {
      await answer(await upload(code), 201, draftFileSchema);
    }
    const ephoto = { ephoto: 'ABCDEFGHIJ0123456789KL' };
    await answer(await call('PUT', '/api/usager/demandes/:id/justificatifs', { id }, { cookie, json: ephoto }), 200, draftSchema);
    const deposit = await answer(
      await call('POST', '/api/usager/demandes/:id/depot', { id }, { cookie, json: { observations: '' } }),
      200,
      depositResponseSchema,
    );
    const receipt = await call('GET', '/api/usager/demandes/:id/recu', { id }, { cookie });
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(deposit.receiptUrl).toBe(`/api/usager/demandes/${id}/recu`);
    await answer(await call('GET', '/api/usager/demandes/:id', { id }, { cookie }), 200, draftSchema);
    await answer(await call('POST', '/api/usager/demandes/:id/abandon', { id }, { cookie }), 409, errorBodySchema);
  });

  it('leaves no route of the téléprocédure unchecked', () => {
    expect(unchecked(isTeleprocedureRoute)).toEqual([]);
  });
});
