import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  get,
  type Harness,
  listUrl,
  login,
} from '../../testing/harness.js';
import { EXPORT_PAGE_SIZE } from './export.js';

let h: Harness;
const cookies: Record<string, string> = {};
/** More than two pages of the export in the Nord, a few in Paris. */
const NORD = 2 * EXPORT_PAGE_SIZE + 3;

beforeAll(async () => {
  h = createHarness(new Date('2026-03-01T23:30:00Z')); // 2 March 2026, 00:30 Paris
  addPrefectures(h.db);
  await addStaff(h.db, 'sup@59.fr', 'superviseur', '59');
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  await addStaff(h.db, 'admin@x.fr', 'admin', null);
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  addDepositedDossier(h, '59', applicant.id, 'N’DIAYE; dite "Awa"');
  addDepositedDossier(h, '75', applicant.id, 'PARISIENNE');
  const insert = h.db.$client.prepare(
    'insert into dossiers (numero, status, prefecture_code, applicant_id, deposited_at, birth_name, first_names) values (?, ?, ?, ?, ?, ?, \'["Lina"]\')',
  );
  h.db.$client.transaction(() => {
    for (let i = 1; i < NORD; i++) {
      insert.run(`590120260301${String(i).padStart(7, '0')}`, i % 2 ? 'deposee' : 'complete', '59', applicant.id, Date.now(), `NORD${i}`);
    }
    for (let i = 1; i <= 4; i++)
      insert.run(`750120260301${String(i).padStart(7, '0')}`, 'deposee', '75', applicant.id, Date.now(), `PARIS${i}`);
    insert.run(null, 'brouillon', '59', applicant.id, null, 'BROUILLON');
  })();
  for (const email of ['sup@59.fr', 'agent@59.fr', 'admin@x.fr']) cookies[email] = await login(h, email);
});
afterAll(() => h.close());

const exportUrl = (filter: Record<string, unknown> = {}) => listUrl('supervision/export', { filter });

/** The body as the browser receives it, chunk by chunk. */
async function readChunks(response: Response) {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  return { chunks, bytes, text: bytes.toString('utf8') };
}

describe('CSV export of the dossier list', () => {
  it('is UTF-8 with a BOM, « ; »-separated, with French headers and JJ/MM/AAAA dates', async () => {
    const response = await get(h, exportUrl({ q: 'diaye' }), cookies['sup@59.fr']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="dossiers-59-2026-03-02.csv"');
    const { bytes, text } = await readChunks(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Numéro;Préfecture;Statut;Nom de naissance;Nom d’usage;Prénom(s);Nationalité(s);Date de dépôt;Agent;Échéance des compléments;Courriel de demande;Décision implicite le;Complet le;Clôturé le;Motif de clôture',
    );
    expect(lines[1]).toMatch(/^5901\d{15};59;À traiter;"N’DIAYE; dite ""Awa""";;Amina;sénégalaise;02\/03\/2026;;;;02\/07\/2026;;;$/);
    expect(lines).toHaveLength(3);
  });

  it('holds exactly the filtered list of the caller’s scope, read page by page', async () => {
    const all = await readChunks(await get(h, exportUrl(), cookies['sup@59.fr']));
    const rows = all.text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(NORD);
    expect(rows.every((row) => row.startsWith('5901'))).toBe(true);
    // The header, then one chunk per page of EXPORT_PAGE_SIZE rows: never the whole list at once.
    expect(all.chunks).toHaveLength(1 + Math.ceil(NORD / EXPORT_PAGE_SIZE));

    const listed = await get(h, listUrl('dossiers', { filter: { status: 'complete' } }), cookies['sup@59.fr']);
    const total = Number(listed.headers.get('content-range')!.split('/')[1]);
    const complete = await readChunks(await get(h, exportUrl({ status: 'complete' }), cookies['sup@59.fr']));
    expect(complete.text.trim().split('\r\n')).toHaveLength(1 + total);
    expect(total).toBe(Math.floor(NORD / 2));
  });

  it('gives the national admin every préfecture, and refuses agents (403) and bad filters (400)', async () => {
    const admin = await readChunks(await get(h, exportUrl(), cookies['admin@x.fr']));
    expect(admin.text.trim().split('\r\n')).toHaveLength(1 + NORD + 5);
    const agent = await get(h, exportUrl(), cookies['agent@59.fr']);
    expect(agent.status).toBe(403);
    expect((await agent.json()).message).toMatch(/export/i);
    const bad = await get(h, exportUrl({ status: 'nope' }), cookies['sup@59.fr']);
    expect(bad.status).toBe(400);
  });
});
