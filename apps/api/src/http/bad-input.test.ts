import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPrefectures, addStaff, createHarness, get, type Harness, listUrl, login } from '../testing/harness.js';

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  admin = await login(h, 'admin@x.fr');
});
afterEach(() => h.close());

const LISTS = ['dossiers', 'pieces', 'files', 'events', 'emails', 'prefectures'];

async function expectBadRequest(url: string, message: RegExp) {
  const response = await get(h, url, admin);
  expect(response.status, url).toBe(400);
  expect((await response.json()).message, url).toMatch(message);
}

describe('bad list parameters answer 400 with a French message, never 500', () => {
  it.each(LISTS)('a range beyond any integer on /api/%s', async (resource) => {
    await expectBadRequest(listUrl(resource, { range: [1e20, 1e20] }), /Paramètre « range » invalide/);
    await expectBadRequest(listUrl(resource, { range: [0, 1e20] }), /Paramètre « range » invalide/);
  });

  it.each(LISTS)('a filter on more than 1000 ids on /api/%s', async (resource) => {
    const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
    await expectBadRequest(listUrl(resource, { filter: { id: ids } }), /Filtre « id » : 1000 valeurs au plus/);
  });

  it('a search of a thousand words, or of a hundred thousand characters', async () => {
    const words = Array.from({ length: 1000 }, (_, i) => `mot${i}`).join(' ');
    await expectBadRequest(listUrl('dossiers', { filter: { q: words } }), /Recherche trop longue/);
    await expectBadRequest(listUrl('dossiers', { filter: { q: 'x'.repeat(100_000) } }), /Recherche trop longue/);
    await expectBadRequest(listUrl('dossiers', { filter: { q: 42 } }), /Recherche invalide/);
  });

  it('ids and numbers beyond the safe integers', async () => {
    await expectBadRequest('/api/dossiers/99999999999999999999999', /Identifiant invalide/);
    await expectBadRequest(listUrl('dossiers', { filter: { assignee_id: 1e300 } }), /Filtre « assignee_id » invalide/);
    await expectBadRequest(listUrl('dossiers', { filter: { status: Array(5000).fill('deposee') } }), /Filtre « status » : 1000 valeurs/);
  });

  it('still answers a reasonable search', async () => {
    const response = await get(h, listUrl('dossiers', { filter: { q: 'Diallo 59012026' }, range: [0, 24] }), admin);
    expect(response.status).toBe(200);
  });
});
