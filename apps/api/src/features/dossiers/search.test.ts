import { dossierSearchText, formatNumero } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

let h: Harness;
let cookie: string;
let applicantId: number;
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  applicantId = (await addApplicant(h.db, 'usager@x.fr')).id;
  h.clock.set(new Date(Date.UTC(2026, 2, 10, 9)));
  addDepositedDossier(h, '59', applicantId, 'DIALLO');
  cookie = await login(h, 'agent@59.fr');
});
afterEach(() => h.close());

async function list(params: Parameters<typeof listUrl>[1]) {
  const response = await get(h, listUrl('dossiers', params), cookie);
  expect(response.status).toBe(200);
  return { total: response.headers.get('content-range')?.split('/')[1], rows: (await response.json()) as Record<string, any>[] };
}

/** Deposited dossiers of the Nord in bulk, one a minute from 1 March 2026, with these names. */
function addMany(names: (index: number) => string, count: number, status = 'deposee', firstSequence = 5000) {
  const insert = h.db.$client.prepare(
    'INSERT INTO dossiers (numero, status, prefecture_code, applicant_id, deposited_at, birth_name, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  h.db.$client.transaction(() => {
    for (let index = 0; index < count; index++) {
      const depositedAt = new Date(Date.UTC(2026, 2, 1, 8) + index * 60_000);
      const numero = formatNumero('59', depositedAt, firstSequence + index);
      insert.run(numero, status, '59', applicantId, depositedAt.getTime(), names(index), dossierSearchText([names(index)], numero));
    }
  })();
}

describe('searching the dossiers', () => {
  it('finds and counts deposited dossiers only: a draft of the same name once it is deposited', async () => {
    addMany(() => 'DIALLO', 2, 'brouillon');
    expect((await list({ filter: { q: 'diallo' } })).total).toBe('1');
    expect((await list({ filter: { q: 'di', queue: 'all' } })).total).toBe('1');
    h.db.$client.prepare("UPDATE dossiers SET status = 'deposee' WHERE id = (SELECT max(id) FROM dossiers)").run();
    expect((await list({ filter: { q: 'diallo' } })).total).toBe('2');
    expect((await list({ filter: { q: 'di', queue: 'all' } })).total).toBe('2');
    // A status change between deposited states leaves it found once.
    h.db.$client.prepare("UPDATE dossiers SET status = 'en_examen' WHERE id = (SELECT max(id) FROM dossiers)").run();
    expect((await list({ filter: { q: 'diallo', queue: 'in_review' } })).total).toBe('1');
    expect((await list({ filter: { q: 'diallo' } })).total).toBe('2');
  });

  it('pages a search of thousands of matches in the order asked, in « Tous » and in a tab, as the matches sorted one by one', async () => {
    // Every third dossier is a DIALLO: 3,000 among 9,000, half of them complete, more than a page walks past.
    addMany((index) => (index % 3 === 0 ? 'DIALLO' : 'MARTIN'), 9000);
    h.db.$client.prepare("UPDATE dossiers SET status = 'complete' WHERE id % 2 = 0").run();
    const sorts: [string, string][] = [
      ['deposited_at', 'ASC'],
      ['deposited_at', 'DESC'],
      ['numero', 'DESC'],
    ];
    const ranges: [number, number][] = [
      [0, 24],
      [700, 724],
      [1480, 1504],
    ];
    // A deposit date filter: the index no longer decides alone, every match is looked up and sorted.
    const sortedOneByOne = { deposited_gte: '2026-01-01T00:00:00Z' };
    for (const [tab, total] of [
      [{}, '3001'],
      [{ queue: 'complete' }, '1500'],
      [{ queue: 'all', status: ['complete', 'en_examen'] }, '1500'],
      [{ queue: 'to_take' }, '1501'],
    ] as const) {
      for (const sort of sorts) {
        for (const range of ranges) {
          const walked = await list({ filter: { ...tab, q: 'di' }, sort, range });
          const looked = await list({ filter: { ...tab, q: 'di', ...sortedOneByOne }, sort, range });
          expect(walked.total).toBe(total);
          expect(looked.total).toBe(total);
          expect(walked.rows.map((row) => row.id)).toEqual(looked.rows.map((row) => row.id));
          expect(walked.rows.every((row) => row.birth_name === 'DIALLO')).toBe(true);
        }
      }
    }
    const past = await list({ filter: { q: 'di' }, range: [4000, 4024] });
    expect(past).toEqual({ total: '3001', rows: [] });
  });

  it('finds digits inside a numéro, not a numéro that only holds their last trigrams', async () => {
    // Deposited on 1 March 2026 with the sequence 310: 5901 20260301 0000310 holds « 031 » and « 310 ».
    addMany(() => 'MARTIN', 1, 'deposee', 310);
    const diallo = (await list({ filter: { q: 'diallo' } })).rows[0]!.numero as string;
    expect(diallo.slice(4, 12)).toBe('20260310');
    expect((await list({ filter: { q: '20260310' } })).rows.map((row) => row.numero)).toEqual([diallo]);
    expect((await list({ filter: { q: '0260301' } })).rows.map((row) => row.birth_name)).toEqual(['MARTIN']);
    expect((await list({ filter: { q: '00310' } })).rows.map((row) => row.birth_name)).toEqual(['MARTIN']);
    expect((await list({ filter: { q: '03100' } })).rows.map((row) => row.birth_name)).toEqual(['DIALLO']);
    expect((await list({ filter: { q: '2026' } })).total).toBe('2');
  });

  it('finds 8 digits or more wherever they sit in a numéro: a deposit date, its end and a sequence, the head and a month', async () => {
    // 5901 20260301 0005000 to 0005011, then in « En examen » 0005012 and 0005013; DIALLO was deposited on 10 March.
    addMany(() => 'MARTIN', 12);
    addMany(() => 'BERNARD', 2, 'en_examen', 5012);
    h.clock.set(new Date(Date.UTC(2026, 2, 1, 9)));
    addDepositedDossier(h, '2A', applicantId, 'ROSSI');
    const found = async (q: string, filter: object = {}) => {
      const { total, rows } = await list({ filter: { q, ...filter }, sort: ['id', 'ASC'], range: [0, 99] });
      return { total: Number(total), found: rows.map((row) => `${row.birth_name} ${(row.numero as string).slice(-4)}`) };
    };
    const martins = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `MARTIN ${5000 + from + i}`);
    const bernards = ['BERNARD 5012', 'BERNARD 5013'];
    expect(await found('20260301')).toEqual({ total: 14, found: [...martins(0, 11), ...bernards] });
    expect(await found('0301000501')).toEqual({ total: 4, found: [...martins(10, 11), ...bernards] });
    expect(await found('0301000501', { queue: 'to_take' })).toEqual({ total: 2, found: martins(10, 11) });
    const march = await found('01202603');
    expect([march.total, march.found.slice(1)]).toEqual([15, [...martins(0, 11), ...bernards]]);
    expect(march.found[0]).toMatch(/^DIALLO /);
    expect(await found('20260302')).toEqual({ total: 0, found: [] });
    // Longer than any numéro, or with a name: nothing, or the name's among the digits'.
    expect(await found('1'.repeat(40))).toEqual({ total: 0, found: [] });
    expect(await found('bernard 0301000501')).toEqual({ total: 2, found: bernards });
    const counts = await get(h, `/api/dossiers/counts?filter=${encodeURIComponent(JSON.stringify({ q: '0301000501' }))}`, cookie);
    expect(await counts.json()).toMatchObject({ to_take: 2, in_review: 2, all: 4 });
    // The national admin looks across préfectures (the trigram index), and in one when asked (the numéros).
    await addStaff(h.db, 'admin@x.fr', 'admin', null);
    cookie = await login(h, 'admin@x.fr');
    expect((await found('20260301')).total).toBe(15);
    expect((await found('20260301', { prefecture_code: '2A' })).found).toEqual([expect.stringMatching(/^ROSSI /)]);
    expect((await found('20260301', { prefecture_code: '59' })).total).toBe(14);
  });

  it('pages 8 digits or more in deposit order, day by day, as the same matches sorted one by one', async () => {
    addMany(() => 'MARTIN', 110); // 1 March, 5000 to 5109
    addMany(() => 'BERNARD', 2, 'en_examen', 6000);
    const addOne = (name: string, iso: string, sequence: number) => {
      const depositedAt = new Date(iso);
      const numero = formatNumero('59', depositedAt, sequence);
      h.db.$client
        .prepare(
          'INSERT INTO dossiers (numero, status, prefecture_code, applicant_id, deposited_at, birth_name, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(numero, 'deposee', '59', applicantId, depositedAt.getTime(), name, dossierSearchText([name], numero));
    };
    addOne('MINUIT', '2026-02-28T23:30:00Z', 7); // 00:30 in Paris on 1 March: 5901 20260301 0000007
    addOne('LENDEMAIN', '2026-03-02T09:00:00Z', 260301); // 5901 20260302 0260301 holds « 20260301 » too
    addOne('DEUX-MARS', '2026-03-01T23:30:00Z', 8); // 00:30 in Paris on 2 March: not found, though its day has a match
    addOne('DOUZE-MARS', '2026-03-12T09:00:00Z', 260301); // 5901 20260312 0260301
    addOne('AUTRE-DOUZE', '2026-03-12T10:00:00Z', 9); // 12 March too, not found
    // 5 March: a hundred deposits, every one found by its date, none tested against the matches.
    for (let i = 0; i < 100; i++) addOne('CINQ', new Date(Date.UTC(2026, 2, 5, 8) + i * 60_000).toISOString(), 8000 + i);
    for (const q of ['20260301', '20260305']) {
      const page = async (filter: object, sort: [string, string], range: [number, number]) => {
        const { total, rows } = await list({ filter: { q, ...filter }, sort, range });
        return { total: Number(total), names: rows.map((row) => `${row.birth_name} ${row.id}`) };
      };
      for (const [filter, order] of [
        [{}, 'DESC'],
        [{}, 'ASC'],
        [{ queue: 'to_take' }, 'ASC'],
        [{ status: ['deposee', 'en_examen'] }, 'DESC'],
      ] as const) {
        const all = (await list({ filter: { q, ...filter }, sort: ['id', 'ASC'], range: [0, 199] })).rows;
        const sign = order === 'ASC' ? 1 : -1;
        const expected = all
          .sort((a, b) => sign * (Date.parse(a.deposited_at) - Date.parse(b.deposited_at) || a.id - b.id))
          .map((row) => `${row.birth_name} ${row.id}`);
        expect(expected.some((name) => /^(DEUX-MARS|AUTRE-DOUZE) /.test(name))).toBe(false);
        expect(expected.length).toBeGreaterThanOrEqual(100);
        for (const range of [
          [0, 4],
          [5, 9],
          [10, 24],
          [100, 124],
        ] as [number, number][]) {
          expect(await page(filter, ['deposited_at', order], range), JSON.stringify([q, filter, order, range])).toEqual({
            total: expected.length,
            names: expected.slice(range[0], range[1] + 1),
          });
        }
      }
    }
    const first = await list({ filter: { q: '20260301' }, sort: ['deposited_at', 'DESC'], range: [0, 0] });
    expect([first.total, first.rows[0]?.birth_name]).toEqual(['115', 'DOUZE-MARS']);
    // Every tab's count, deadlines passed and running among them, as each tab's list totals it.
    const awaiting = h.db.$client.prepare("UPDATE dossiers SET status = 'complement_demande', deadline_at = ? WHERE birth_name = ?");
    awaiting.run(Date.parse('2026-03-05T22:59:59.999Z'), 'MINUIT');
    awaiting.run(Date.parse('2026-03-20T22:59:59.999Z'), 'DOUZE-MARS');
    const counts = await (
      await get(h, `/api/dossiers/counts?filter=${encodeURIComponent(JSON.stringify({ q: '20260301' }))}`, cookie)
    ).json();
    expect(counts).toMatchObject({ to_take: 111, in_review: 2, awaiting_complements: 2, overdue: 1, all: 115 });
    for (const [queue, count] of Object.entries(counts)) {
      expect((await list({ filter: { q: '20260301', queue } })).total, queue).toBe(String(count));
    }
  });

  it('refuses a status it does not know, searched or not, in a list as in every tab’s count (400, French message)', async () => {
    for (const filter of [{ q: 'di', status: 'perdu' }, { q: 'diallo', queue: 'all', status: ['deposee', 'perdu'] }, { status: 'perdu' }]) {
      for (const url of [listUrl('dossiers', { filter }), `/api/dossiers/counts?filter=${encodeURIComponent(JSON.stringify(filter))}`]) {
        const response = await get(h, url, cookie);
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ message: 'Filtre « status » invalide.' });
      }
    }
  });
});
