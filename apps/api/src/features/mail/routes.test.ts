import { schema } from '@em/db';
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
import { enqueueEmail } from './outbox.js';

let h: Harness;
let cookie: string;
let numeros: Record<string, string>;

function addEmail(dossierId: number, to: string, subject: string) {
  h.db
    .insert(schema.outboxEmails)
    .values({
      dossierId,
      template: 'deposit',
      to,
      subject,
      text: subject,
      html: `<p>${subject}</p>`,
      nextAttemptAt: h.clock.now(),
      createdAt: h.clock.now(),
    })
    .run();
}

beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
  const applicant = await addApplicant(h.db, 'usager@x.fr');
  const martin = addDepositedDossier(h, '59', applicant.id, 'MARTIN').dossier;
  const diallo = addDepositedDossier(h, '59', applicant.id, 'DIALLO').dossier;
  const paris = addDepositedDossier(h, '75', applicant.id, 'NGUYEN').dossier;
  numeros = { martin: martin.numero!, diallo: diallo.numero! };
  addEmail(martin.id, 'martin@example.org', 'Accusé de réception de votre demande');
  addEmail(martin.id, 'martin@example.org', 'Demande de pièces complémentaires');
  addEmail(diallo.id, 'diallo@example.org', 'Accusé de réception de votre demande');
  addEmail(paris.id, 'nguyen@example.org', 'Demande de pièces complémentaires');
  cookie = await login(h, 'agent@59.fr');
});
afterEach(() => h.close());

async function search(q: string) {
  const response = await get(h, listUrl('emails', { filter: { q } }), cookie);
  expect(response.status).toBe(200);
  return ((await response.json()) as { to: string; subject: string }[]).map((email) => `${email.to} · ${email.subject}`);
}

describe('the local mailbox’s search (filter q)', () => {
  it('finds the e-mails by recipient, subject or numéro, every word counting, in the agent’s préfecture only', async () => {
    expect(await search('DIALLO@example')).toEqual(['diallo@example.org · Accusé de réception de votre demande']);
    expect(await search('complémentaires')).toEqual(['martin@example.org · Demande de pièces complémentaires']);
    expect(await search(numeros.martin!)).toHaveLength(2);
    expect(await search(`${numeros.martin!.slice(-6)} accusé`)).toEqual(['martin@example.org · Accusé de réception de votre demande']);
    expect(await search('nguyen')).toEqual([]);
    expect(await search('100%_')).toEqual([]);
    expect(await search('  ')).toHaveLength(3);
  });

  it('shows and searches the subject of an e-mail stored as template and data, its date included', async () => {
    enqueueEmail(h.db, {
      dossierId: 2,
      to: 'diallo@example.org',
      template: 'reminder',
      data: {
        to: { firstNames: ['Awa'], birthName: 'DIALLO' },
        numero: numeros.diallo!,
        deadline: new Date('2026-07-15T21:59:59.999Z'),
        pieces: [{ code: 'JUSTIFICATIF_IDENTITE', reviewStatus: 'manquant', message: '' }],
        resumeUrl: 'http://localhost:3000/demande/justificatifs',
      },
      now: h.clock.now(),
    });
    const subject = `Rappel : pièces complémentaires attendues au plus tard le 15/07/2026 – dossier n°${numeros.diallo}`;
    expect(h.db.$client.prepare("select subject from outbox_emails where template = 'reminder'").pluck().get()).toBe('');
    expect(await search('rappel 15/07/2026')).toEqual([`diallo@example.org · ${subject}`]);
    expect(await search('rappel 16/07/2026')).toEqual([]);
    expect(await search(`n°${numeros.diallo}`)).toEqual([`diallo@example.org · ${subject}`]);
    expect(await search(`RAPPEL attendues 07/2026 ${numeros.diallo!.slice(4, 12)}`)).toEqual([`diallo@example.org · ${subject}`]);
    expect(await search('clôture')).toEqual([]);
  });

  it('answers 400 to a search longer than a person types', async () => {
    const response = await get(h, listUrl('emails', { filter: { q: 'a '.repeat(9) } }), cookie);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^Recherche trop longue/);
  });
});
