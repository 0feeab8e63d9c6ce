import { schema } from '@em/db';
import { WORKQUEUES } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addComplementRequest,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  createHarness,
  get,
  type Harness,
  listUrl,
  login,
  send,
} from '../../testing/harness.js';

let h: Harness;
let cookie: string;
let agentId: number;
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  agentId = (await addStaff(h.db, 'agent@59.fr', 'agent', '59')).id;
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const names = ['MARTIN', 'DIALLO', 'NGUYEN', 'ÖZTÜRK', 'BENALI'];
  for (const [index, name] of names.entries()) {
    h.clock.set(new Date(Date.UTC(2026, 2, 2 + index, 9)));
    addDepositedDossier(h, '59', applicant.id, name);
  }
  cookie = await login(h, 'agent@59.fr');
});
afterEach(() => h.close());

async function list(params: Parameters<typeof listUrl>[1]) {
  const response = await get(h, listUrl('dossiers', params), cookie);
  expect(response.status).toBe(200);
  return { range: response.headers.get('content-range'), rows: (await response.json()) as Record<string, any>[] };
}

describe('dossiers through the ra-data-simple-rest protocol', () => {
  it('lists a page with its Content-Range, newest deposit first by default', async () => {
    const { range, rows } = await list({ range: [0, 1] });
    expect(range).toBe('dossiers 0-1/5');
    expect(rows.map((r) => r.birth_name)).toEqual(['BENALI', 'ÖZTÜRK']);
    const second = await list({ range: [2, 4] });
    expect(second.range).toBe('dossiers 2-4/5');
  });

  it('sorts by name and by numéro, both ways', async () => {
    expect((await list({ sort: ['birth_name', 'ASC'] })).rows.map((r) => r.birth_name)).toEqual([
      'BENALI',
      'DIALLO',
      'MARTIN',
      'NGUYEN',
      'ÖZTÜRK',
    ]);
    const byNumero = (await list({ sort: ['numero', 'DESC'] })).rows.map((r) => r.numero);
    expect(byNumero).toEqual([...byNumero].sort().reverse());
  });

  it('sorts every tab by name, numéro and deposit, both ways, one page after the other', async () => {
    for (const field of ['birth_name', 'numero', 'deposited_at']) {
      const ascending = (await list({ filter: { queue: 'all' }, sort: [field, 'ASC'] })).rows.map((r) => r[field]);
      expect(ascending).toHaveLength(5);
      expect(ascending).toEqual([...ascending].sort());
      const descending = (await list({ filter: { queue: 'to_take' }, sort: [field, 'DESC'] })).rows.map((r) => r[field]);
      expect(descending).toEqual([...ascending].reverse());
      const pages = [await list({ filter: { queue: 'to_take' }, sort: [field, 'ASC'], range: [0, 1] })];
      pages.push(await list({ filter: { queue: 'to_take' }, sort: [field, 'ASC'], range: [2, 4] }));
      expect(pages.flatMap((page) => page.rows.map((r) => r[field]))).toEqual(ascending);
      expect(pages.map((page) => page.range)).toEqual(['dossiers 0-1/5', 'dossiers 2-4/5']);
    }
  });

  it('searches names without accents and numéros', async () => {
    expect((await list({ filter: { q: 'ozturk' } })).rows.map((r) => r.birth_name)).toEqual(['ÖZTÜRK']);
    const target = (await list({ filter: { q: 'diallo' } })).rows[0]!;
    expect((await list({ filter: { q: target.numero } })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await list({ filter: { q: ` ${target.numero.slice(-7)} ` } })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await list({ filter: { q: 'personne' } })).range).toBe('dossiers 0-0/0');
  });

  it('pages a search: each page its own rows, every page the same total', async () => {
    // Every numéro holds « 59 » (the département): all five match, in the order asked for.
    const first = await list({ filter: { q: '59' }, sort: ['birth_name', 'ASC'], range: [0, 1] });
    expect(first.range).toBe('dossiers 0-1/5');
    expect(first.rows.map((r) => r.birth_name)).toEqual(['BENALI', 'DIALLO']);
    const last = await list({ filter: { q: '59' }, sort: ['birth_name', 'ASC'], range: [4, 5] });
    expect(last.range).toBe('dossiers 4-4/5');
    expect(last.rows.map((r) => r.birth_name)).toEqual(['ÖZTÜRK']);
    // Past the last page (the list shrank meanwhile): no rows, and still the total.
    const past = await list({ filter: { q: '59' }, sort: ['birth_name', 'ASC'], range: [10, 11] });
    expect(past.rows).toEqual([]);
    expect(past.range).toMatch(/\/5$/);
  });

  it('searches part of a name or numéro, accents typed or not, short words and quotes too', async () => {
    const names = async (q: string) => (await list({ filter: { q }, sort: ['birth_name', 'ASC'] })).rows.map((r) => r.birth_name);
    expect(await names('ÜRK')).toEqual(['ÖZTÜRK']);
    expect(await names('ali amina')).toEqual(['BENALI']);
    expect(await names('ng')).toEqual(['NGUYEN']);
    expect(await names('a')).toEqual(['BENALI', 'DIALLO', 'MARTIN', 'NGUYEN', 'ÖZTÜRK']);
    expect(await names('m')).toEqual(['MARTIN']);
    // Two letters start a word: LI and LINA, never the « li » inside BENALI.
    const other = await addApplicant(h.db, 'li@x.fr');
    addDepositedDossier(h, '59', other.id, 'LI');
    addDepositedDossier(h, '59', other.id, 'LINA');
    expect(await names('li')).toEqual(['LI', 'LINA']);
    expect(await names('li ami')).toEqual(['LI', 'LINA']);
    expect(await names('Ö')).toEqual(['ÖZTÜRK']);
    expect(await names('"diallo" OR martin')).toEqual([]);
    const { range } = await list({ filter: { q: 'iall', queue: 'to_take' } });
    expect(range).toBe('dossiers 0-0/1');
  });

  it('searches each préfecture’s own dossiers, Corsica and overseas too, and the admin’s across all of them', async () => {
    const other = await addApplicant(h.db, 'ailleurs@x.fr');
    const elsewhere = ['2A', '971', '75'].map((code) => ({ code, id: addDepositedDossier(h, code, other.id, 'DIALLO').dossier.id }));
    const found = async (as: string, filter: object) => {
      const response = await get(h, listUrl('dossiers', { filter, sort: ['id', 'ASC'] }), await login(h, as));
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: number }[]).map((row) => row.id);
    };
    const nord = (await list({ filter: { q: 'diallo' } })).rows.map((r) => r.id);
    expect(nord).toHaveLength(1);
    for (const { code, id } of elsewhere) {
      await addStaff(h.db, `agent@${code.toLowerCase()}.fr`, 'agent', code);
      expect(await found(`agent@${code.toLowerCase()}.fr`, { q: 'iallo' })).toEqual([id]);
      expect(await found(`agent@${code.toLowerCase()}.fr`, { q: 'di' })).toEqual([id]);
    }
    await addStaff(h.db, 'admin@x.fr', 'admin', null);
    expect(await found('admin@x.fr', { q: 'diallo' })).toEqual([...nord, ...elsewhere.map((d) => d.id)]);
    expect(await found('admin@x.fr', { q: 'diallo', prefecture_code: '971' })).toEqual([elsewhere[1]!.id]);
    // A dossier moved to another préfecture is found there, and no longer where it was.
    h.db.$client.prepare("UPDATE dossiers SET prefecture_code = '75' WHERE id = ?").run(elsewhere[0]!.id);
    expect(await found('agent@2a.fr', { q: 'diallo' })).toEqual([]);
    expect(await found('agent@75.fr', { q: 'diallo' })).toEqual([elsewhere[0]!.id, elsewhere[2]!.id]);
  });

  it('shows an agent account without a préfecture nothing: no list, no search, no total', async () => {
    await addStaff(h.db, 'nulle-part@x.fr', 'agent', null);
    const cookie = await login(h, 'nulle-part@x.fr');
    for (const filter of [{}, { q: 'diallo' }, { q: 'di' }, { queue: 'to_take' }]) {
      const response = await get(h, listUrl('dossiers', { filter }), cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-range')).toBe('dossiers 0-0/0');
    }
  });

  it('finds a dossier by its new names once they change, never by the old ones', async () => {
    const target = (await list({ filter: { q: 'martin' } })).rows[0]!;
    h.db.$client.prepare('UPDATE dossiers SET search_text = ? WHERE id = ?').run(`durand amina ${target.numero}`, target.id);
    expect((await list({ filter: { q: 'martin' } })).range).toBe('dossiers 0-0/0');
    expect((await list({ filter: { q: 'duran' } })).rows.map((r) => r.id)).toEqual([target.id]);
  });

  it('gives each workqueue the total of its préfecture, following every status change and deposit', async () => {
    const total = async (filter: object) => (await list({ filter })).range!.split('/')[1];
    const other = await addApplicant(h.db, 'autre@x.fr');
    addDepositedDossier(h, '75', other.id, 'PETIT');
    h.db.insert(schema.dossiers).values({ applicantId: other.id, prefectureCode: '59' }).run();
    expect(await total({ queue: 'to_take' })).toBe('5');
    expect(await total({})).toBe('5');
    // The national admin, filtered on one préfecture, gets that préfecture's totals.
    await addStaff(h.db, 'admin@x.fr', 'admin', null);
    const admin = await login(h, 'admin@x.fr');
    const adminTotal = async (filter: object) => (await get(h, listUrl('dossiers', { filter }), admin)).headers.get('content-range');
    expect(await adminTotal({ queue: 'to_take', prefecture_code: '75' })).toBe('dossiers 0-0/1');
    expect(await adminTotal({ queue: 'to_take', prefecture_code: '59' })).toBe('dossiers 0-4/5');
    expect(await adminTotal({ queue: 'to_take', prefecture_code: '' })).toBe('dossiers 0-5/6');
    const [first] = (await list({ sort: ['birth_name', 'ASC'] })).rows;
    const toTake = async () => (await list({ filter: { queue: 'to_take' } })).rows.map((row) => row.id);
    expect(await toTake()).toContain(first!.id);
    expect((await send(h, 'POST', `/api/dossiers/${first!.id}/take`, cookie)).status).toBe(200);
    // The same list asked again (its query kept prepared) shows the change.
    expect(await toTake()).not.toContain(first!.id);
    expect(await total({ queue: 'to_take' })).toBe('4');
    expect(await total({ queue: 'in_review' })).toBe('1');
    expect(await total({ queue: 'all', status: ['deposee', 'en_examen'] })).toBe('5');
    expect(await total({ queue: 'in_review', status: 'deposee' })).toBe('0');
    expect(await total({ queue: 'to_take', q: ' ' })).toBe('4');
    h.db.$client.prepare("UPDATE dossiers SET prefecture_code = '75' WHERE id = ?").run(first!.id);
    expect(await total({ queue: 'in_review' })).toBe('0');
    expect(await total({ queue: 'to_take', q: 'diallo' })).toBe('1');
  });

  it('filters by status, assignee and deadline range', async () => {
    const [first] = (await list({ sort: ['birth_name', 'ASC'] })).rows;
    h.db.$client
      .prepare("update dossiers set status='complement_demande', assignee_id=?, deadline_at=? where id=?")
      .run(agentId, Date.UTC(2026, 2, 20), first!.id);
    expect((await list({ filter: { status: 'complement_demande' } })).rows.map((r) => r.id)).toEqual([first!.id]);
    expect((await list({ filter: { assignee_id: agentId } })).rows).toHaveLength(1);
    expect((await list({ filter: { deadline_gte: '2026-03-19T00:00:00Z', deadline_lte: '2026-03-21T00:00:00Z' } })).rows).toHaveLength(1);
    expect((await list({ filter: { deadline_lte: '2026-03-10T00:00:00Z' } })).rows).toHaveLength(0);
  });

  it('evaluates the workqueues with the server’s clock: « Délai dépassé » holds only deadlines already passed', async () => {
    const [first, second, third] = (await list({ sort: ['birth_name', 'ASC'] })).rows;
    const awaiting = (id: number, deadlineAt: Date) =>
      addComplementRequest(h, id, { sentAt: new Date('2026-02-20T09:00:00Z'), deadlineAt });
    awaiting(first!.id, new Date(Date.UTC(2026, 2, 10, 22, 59, 59, 999)));
    awaiting(second!.id, new Date(Date.UTC(2026, 2, 20, 22, 59, 59, 999)));
    const queue = async (slug: string) => (await list({ filter: { queue: slug } })).rows.map((r) => r.id);

    const overdueTotal = async () => (await list({ filter: { queue: 'overdue' } })).range;
    const overdueCount = async () => (await (await get(h, '/api/dossiers/counts?filter=%7B%7D', cookie)).json()).overdue;

    h.clock.set(new Date('2026-03-10T22:59:59Z'));
    cookie = await login(h, 'agent@59.fr');
    expect(await queue('overdue')).toEqual([]);
    expect([await overdueTotal(), await overdueCount()]).toEqual(['dossiers 0-0/0', 0]);
    // Nearest deadline first, the queue's own order when the list asks for none.
    expect(await queue('awaiting_complements')).toEqual([first!.id, second!.id]);

    h.clock.set(new Date('2026-03-11T08:00:00Z'));
    expect(await queue('overdue')).toEqual([first!.id]);
    // The same list and count asked again: evaluated at this new instant too, not at the first one's.
    expect([await overdueTotal(), await overdueCount()]).toEqual(['dossiers 0-0/1', 1]);
    expect((await list({ filter: { queue: 'overdue' } })).rows[0]).toMatchObject({
      deadline_passed: true,
      allowed_actions: ['close_incomplete'],
    });
    expect(await queue('to_take')).toHaveLength(3);
    expect(await queue('to_take')).toContain(third!.id);
    // « Tous »: every deposited dossier whatever its state, latest deposit first.
    const everyDossier = (await list({ sort: ['deposited_at', 'DESC'] })).rows.map((r) => r.id);
    expect(await queue('all')).toEqual(everyDossier);
    expect(everyDossier).toEqual(expect.arrayContaining([first!.id, second!.id, third!.id]));
  });

  it('counts every tab in one request, each as its own list totals it, searched, filtered or not', async () => {
    const [first, second, third] = (await list({ sort: ['birth_name', 'ASC'] })).rows;
    addComplementRequest(h, first!.id, { sentAt: new Date('2026-02-20T09:00:00Z'), deadlineAt: new Date('2026-03-10T22:59:59.999Z') });
    addComplementRequest(h, second!.id, { sentAt: new Date('2026-02-20T09:00:00Z'), deadlineAt: new Date('2026-03-20T22:59:59.999Z') });
    expect((await send(h, 'POST', `/api/dossiers/${third!.id}/take`, cookie)).status).toBe(200);
    h.clock.set(new Date('2026-03-11T08:00:00Z'));
    cookie = await login(h, 'agent@59.fr');
    const counts = async (filter: object) => {
      const response = await get(h, `/api/dossiers/counts?filter=${encodeURIComponent(JSON.stringify(filter))}`, cookie);
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, number>;
    };
    const totals = async (filter: object) =>
      Object.fromEntries(
        await Promise.all(
          WORKQUEUES.map(async (queue) => [
            queue.slug,
            Number((await list({ filter: { ...filter, queue: queue.slug } })).range!.split('/')[1]),
          ]),
        ),
      );
    const searches = [{ q: 'a' }, { q: 'ia' }, { q: 'diallo' }, { q: 'amina' }, { q: 'amina', status: ['deposee', 'complement_demande'] }];
    for (const filter of [{}, { q: ' ' }, ...searches, { assignee_id: agentId }, { q: 'zz' }]) {
      expect(await counts({ ...filter, queue: 'in_review' })).toEqual(await totals(filter));
    }
    expect(await counts({})).toMatchObject({ to_take: 2, in_review: 1, awaiting_complements: 2, overdue: 1, all: 5 });
    expect(await counts({ q: 'amina' })).toMatchObject({ to_take: 2, in_review: 1, awaiting_complements: 2, overdue: 1, all: 5 });
    expect(await counts({ q: 'amina', status: 'deposee' })).toMatchObject({ to_take: 2, in_review: 0, overdue: 0, all: 2 });
    // « Mes dossiers »: the agent's own, from the counts kept per agent.
    expect(await counts({ assignee_id: agentId })).toMatchObject({ to_take: 0, in_review: 1, awaiting_complements: 0, all: 1 });
    expect(await counts({ assignee_id: agentId + 100 })).toMatchObject({ in_review: 0, all: 0 });
    const refused = await get(h, `/api/dossiers/counts?filter=${encodeURIComponent('{"deadline_lte":"demain"}')}`, cookie);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'Filtre « deadline_lte » invalide : date attendue.' });
  });

  it('answers 400 to a workqueue it does not know', async () => {
    const response = await get(h, listUrl('dossiers', { filter: { queue: 'urgent' } }), cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('Filtre « queue » invalide : file de travail inconnue.');
  });

  it('answers getOne with every field the applicant gave, and getMany by ids', async () => {
    const { rows } = await list({ sort: ['birth_name', 'ASC'] });
    const one = await (await get(h, `/api/dossiers/${rows[0]!.id}`, cookie)).json();
    expect(one).toMatchObject({
      birth_name: 'BENALI',
      first_names: ['Amina'],
      city: 'Lille',
      insee_code: '59350',
      attest_no_polygamy: true,
      status: 'deposee',
      allowed_actions: ['take'],
    });
    expect(one).not.toHaveProperty('search_text');
    const many = await list({ filter: { id: [rows[0]!.id, rows[2]!.id] } });
    expect(many.rows.map((r) => r.id).sort()).toEqual([rows[0]!.id, rows[2]!.id].sort());
  });

  it('answers 400 with a French message on malformed parameters', async () => {
    for (const query of ['filter=%7Bnope', 'sort=["password_hash","ASC"]', 'range=[5,1]', 'filter={"status":"inconnu"}']) {
      const response = await get(h, `/api/dossiers?${query}`, cookie);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/invalide|impossible/);
    }
    expect((await get(h, '/api/dossiers/abc', cookie)).status).toBe(400);
    expect((await get(h, '/api/dossiers/9999', cookie)).status).toBe(404);
  });
});
