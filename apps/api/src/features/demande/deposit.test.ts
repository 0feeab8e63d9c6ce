import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumero, parseNumero } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addDepositedDossier,
  addStaff,
  applicantLogin,
  countRows,
  createHarness,
  get,
  type Harness,
  listUrl,
  login,
  outboxEmail,
  send,
} from '../../testing/harness.js';
import { applicantWithDraft, EPHOTO, personal, uploadTo } from './testing.js';

let h: Harness;
const url = (id: number, rest = '') => `/api/usager/demandes/${id}${rest}`;
const NOW = new Date('2026-03-02T09:00:00Z');

beforeEach(() => {
  h = createHarness(NOW);
});
afterEach(() => h.close());

function deposit(cookie: string, id: number, observations = '') {
  return send(h, 'POST', url(id, '/depot'), cookie, { observations });
}

/** The text of a PDF, as poppler's pdftotext reads it. */
function pdfText(bytes: ArrayBuffer): string {
  const path = join(h.dataDir, 'recu.pdf');
  writeFileSync(path, new Uint8Array(bytes));
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

describe('« Déposer la demande »', () => {
  it('issues the numéro, routes the dossier to its préfecture at once, writes the event and the deposit e-mail', async () => {
    await addStaff(h.db, 'agent@59.fr', 'agent', '59');
    await addStaff(h.db, 'agent@75.fr', 'agent', '75');
    const { cookie, id } = await applicantWithDraft(h, 'guide@x.fr');
    const response = await deposit(cookie, id, 'Je suis hébergée chez ma sœur.');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      id,
      numero: formatNumero('59', NOW, 1),
      depositedAt: NOW.toISOString(),
      prefecture: { code: '59', name: 'Préfecture du Nord' },
      receiptUrl: `/api/usager/demandes/${id}/recu`,
    });
    expect(body.numero).toBe('5901202603020000001');

    const agent = await login(h, 'agent@59.fr');
    const queue = await (await get(h, listUrl('dossiers', { filter: { status: 'deposee' } }), agent)).json();
    expect(queue).toContainEqual(expect.objectContaining({ id, numero: body.numero, birth_name: 'Guide', status: 'deposee' }));
    // Found by its deposit date's digits, which the search reads in the numéros by their day of deposit.
    for (const q of ['20260302', '0120260302000000']) {
      const found = await (await get(h, listUrl('dossiers', { filter: { q }, sort: ['deposited_at', 'DESC'] }), agent)).json();
      expect(found.map((dossier: { id: number }) => dossier.id)).toEqual([id]);
    }
    const show = await (await get(h, `/api/dossiers/${id}`, agent)).json();
    expect(show).toMatchObject({ observations: 'Je suis hébergée chez ma sœur.', ephoto: EPHOTO, prefecture_code: '59' });
    const search = await (await get(h, listUrl('dossiers', { filter: { q: 'malade guide' } }), agent)).json();
    expect(search.map((d: { id: number }) => d.id)).toEqual([id]);
    expect((await get(h, `/api/dossiers/${id}`, await login(h, 'agent@75.fr'))).status).toBe(404);

    expect(countRows(h, 'event_log', "dossier_id = ? and action = 'deposit' and before = 'brouillon' and after = 'deposee'", id)).toBe(1);
    const email = outboxEmail(h, "template = 'deposit'")!;
    expect(email.to).toBe('guide@x.fr');
    expect(email.subject).toBe(`Confirmation du dépôt de votre pré-demande – dossier n°${body.numero}`);
    expect(email.text).toContain('Bonjour Malade GUIDE,');
    expect(email.text).toContain(`Télécharger la confirmation de dépôt : http://localhost:3000/demande/recu?demande=${id}`);
  });

  it('sends the deposit e-mail to the contact address of the pré-demande when one was given', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'compte@x.fr', 4, { contact: { email: 'contact@x.fr' } });
    expect((await deposit(cookie, id)).status).toBe(200);
    expect(h.db.$client.prepare('select "to" from outbox_emails where template = \'deposit\'').get()).toEqual({ to: 'contact@x.fr' });
  });

  it('makes one dossier of a double click and of a replayed request', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'double@x.fr');
    const [first, second] = await Promise.all([deposit(cookie, id), deposit(cookie, id)]);
    const replay = await deposit(cookie, id, 'autre observation');
    const answers = await Promise.all([first, second, replay].map((r) => r.json()));
    expect([first.status, second.status, replay.status]).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.numero)).size).toBe(1);
    expect(countRows(h, 'dossiers', 'numero is not null')).toBe(1);
    expect(countRows(h, 'event_log', "action = 'deposit'")).toBe(1);
    expect(countRows(h, 'outbox_emails', "template = 'deposit'")).toBe(1);
    expect(h.db.$client.prepare("select next_numero_sequence as next from prefectures where code = '59'").get()).toEqual({ next: 2 });
    expect(h.db.$client.prepare('select observations from dossiers where id = ?').get(id)).toEqual({ observations: '' });
  });

  it('never duplicates nor skips a numéro under many concurrent deposits, in each préfecture', async () => {
    h.db.$client.prepare("update prefectures set next_numero_sequence = 314 where code = '59'").run();
    const drafts = [];
    for (let i = 0; i < 24; i++) {
      const paris = i % 3 === 0;
      drafts.push(
        await applicantWithDraft(
          h,
          `p${i}@x.fr`,
          4,
          paris ? { adresse: { postalCode: '75011', city: 'Paris 11e Arrondissement', inseeCode: '75111' } } : {},
        ),
      );
    }
    const responses = await Promise.all(drafts.flatMap((d) => [deposit(d.cookie, d.id), deposit(d.cookie, d.id)]));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const acknowledged = new Map<number, string>();
    for (const body of await Promise.all(responses.map((r) => r.json()))) {
      expect(acknowledged.get(body.id) ?? body.numero).toBe(body.numero);
      acknowledged.set(body.id, body.numero);
    }
    const byPrefecture = (code: string) =>
      [...acknowledged.values()]
        .map((numero) => parseNumero(numero)!)
        .filter((n) => n.departement === code)
        .map((n) => n.sequence)
        .sort((a, b) => a - b);
    expect(byPrefecture('59')).toEqual(Array.from({ length: 16 }, (_, i) => 314 + i));
    expect(byPrefecture('75')).toEqual(Array.from({ length: 8 }, (_, i) => 1 + i));
    expect(countRows(h, 'dossiers', "status = 'deposee'")).toBe(24);
    expect(
      h.db.$client.prepare('select code, next_numero_sequence as next from prefectures where code in (?, ?) order by code').all('59', '75'),
    ).toEqual([
      { code: '59', next: 330 },
      { code: '75', next: 9 },
    ]);
  });

  it('refuses an incomplete or abandoned pré-demande, and any change after the deposit', async () => {
    const early = await applicantWithDraft(h, 'early@x.fr', 3);
    const refused = await deposit(early.cookie, early.id);
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toBe("Enregistrez d'abord l'étape « Justificatifs ».");

    const done = await applicantWithDraft(h, 'done@x.fr');
    await deposit(done.cookie, done.id);
    for (const response of [
      await send(h, 'PUT', url(done.id, '/informations-personnelles'), done.cookie, personal),
      await send(h, 'PUT', url(done.id, '/justificatifs'), done.cookie, { ephoto: EPHOTO }),
      await uploadTo(h, done.cookie, done.id, 'JUSTIFICATIF_IDENTITE'),
      await send(h, 'POST', url(done.id, '/abandon'), done.cookie),
    ]) {
      expect(response.status).toBe(409);
    }
    const again = await send(h, 'POST', '/api/usager/demandes', done.cookie, { situation: 'etranger_malade' });
    expect((await again.json()).message).toMatch(/^Vous avez déjà déposé une demande \(n°5901/);

    const gone = await applicantWithDraft(h, 'gone@x.fr');
    await send(h, 'POST', url(gone.id, '/abandon'), gone.cookie);
    expect((await deposit(gone.cookie, gone.id)).status).toBe(409);
    expect(countRows(h, 'dossiers', 'numero is not null')).toBe(1);
  });

  it('re-checks the whole pré-demande: a birth date changed after the motif step is caught', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'late@x.fr');
    await send(h, 'PUT', url(id, '/informations-personnelles'), cookie, {
      ...personal,
      etatCivil: { ...personal.etatCivil, birthYear: '2021' },
    });
    const refused = await deposit(cookie, id);
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toBe(
      "Étape « Motif de séjour » à corriger : Date d'entrée en France : elle ne peut pas précéder votre date de naissance.",
    );
  });
});

describe('the receipt PDF', () => {
  it('prints every field of domain §8, and is the same from the confirmation and from « Ma demande »', async () => {
    h.clock.set(new Date('2026-03-02T23:30:00Z')); // already 3 March in Paris
    const { cookie, id } = await applicantWithDraft(h, 'recu@x.fr', 4, {
      etatCivil: { usageName: 'Épouse Núñez', firstNames: ['Malade', 'José'], nationalities: ['Mexique', 'Espagne'] },
      adresse: { addressComplement: 'Bâtiment B' },
    });
    const deposited = await deposit(cookie, id);
    expect(deposited.status).toBe(200);
    const { numero, receiptUrl } = await deposited.json();

    const response = await get(h, receiptUrl, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="confirmation-depot-${numero}.pdf"`);
    const bytes = await response.arrayBuffer();
    const lines = pdfText(bytes)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const text = lines.join(' ');
    for (const line of [
      "CONFIRMATION DU DÉPÔT D'UNE PRÉ-DEMANDE",
      'VOS RÉFÉRENCES :',
      'Identifiant (N° étranger) :',
      `N° de la demande : ${numero}`,
      "DATE D'ÉMISSION : 03/03/2026",
      'Nom de naissance : GUIDE',
      "Nom d'usage : ÉPOUSE NÚÑEZ",
      'Prénom : MALADE JOSÉ',
      'Né(e) le : 02/04/2000',
      'A : MEXICO, MEXIQUE',
      'Nationalité : MEXIQUE, ESPAGNE',
    ]) {
      expect(lines).toContain(line);
    }
    expect(numero).toBe('5901202603030000001');
    expect(text).toContain('Adresse : 20 RUE NATIONALE BÂTIMENT B 59800 LILLE FRANCE');
    expect(text).toContain(
      'Le 03/03/2026, vous avez déposé avec succès une demande de titre de séjour qui sera examinée par la préfecture compétente.',
    );
    for (const sentence of [
      'Ce document constitue la preuve de dépôt de votre demande.',
      "Il ne constitue pas une preuve de régularité du séjour et ne permet pas l'ouverture de droits associés à un séjour régulier.",
      "Ce document n'autorise pas le franchissement des frontières de l'espace Schengen.",
      "Vous serez informé(e) de l'avancement et de la suite donnée à votre démarche par un courrier électronique vous invitant à vous connecter à votre espace personnel.",
    ]) {
      expect(text).toContain(sentence);
    }

    const stored = h.db.$client.prepare('select receipt_sha256 as sha from dossiers where id = ?').get(id) as { sha: string };
    expect(new Uint8Array(h.store.read(stored.sha))).toEqual(new Uint8Array(bytes));
    const view = await (await get(h, '/api/usager/dossier', cookie)).json();
    expect(view.receipt_url).toBe(receiptUrl);
    expect((await get(h, receiptUrl)).status).toBe(401);
  });

  it('is made on request for a dossier deposited before receipts were stored, and refused for a draft', async () => {
    const applicant = await addApplicant(h.db, 'ancien@x.fr');
    const { dossier } = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
    const cookie = await applicantLogin(h, 'ancien@x.fr');
    const response = await get(h, url(dossier.id, '/recu'), cookie);
    expect(response.status).toBe(200);
    const text = pdfText(await response.arrayBuffer());
    expect(text).toContain(`N° de la demande : ${dossier.numero}`);
    expect(text).toContain('Nom de naissance : DIALLO');

    const draft = await applicantWithDraft(h, 'brouillon@x.fr', 2);
    const none = await get(h, url(draft.id, '/recu'), draft.cookie);
    expect(none.status).toBe(404);
    expect((await none.json()).message).toBe("Aucune confirmation de dépôt : cette demande n'a pas encore été déposée.");
  });
});
