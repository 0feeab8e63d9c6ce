import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF } from '../tools/demo/src/accounts.js';
import { attach, chooseCommune, field, openMailbox, portalLogin, tabTo } from './applicant.js';
import { expectNoSeriousViolation } from './axe.js';
import { consoleLogin, openDossier } from './fixtures.js';

const NEW_PASSWORD = 'Mon-Titre-2026!';
const agentOf = (code: string) => DEMO_STAFF.find((user) => user.role === 'agent' && user.prefectureCode === code)!;
type Mailbox = Awaited<ReturnType<typeof openMailbox>>;

/** The text of a PDF, as poppler's pdftotext reads it. */
function pdfText(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'em-e2e-recu-')), 'recu.pdf');
  writeFileSync(path, bytes);
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** Home → « Je demande un premier titre » → account → provisional password from the mailbox → forced reset → profile. */
async function createAccount(page: Page, mailbox: Mailbox, email: string, baseURL: string) {
  await page.goto('/');
  await expectNoSeriousViolation(page, 'accueil');
  await page.getByRole('link', { name: 'Je demande un premier titre -sans numéro étranger, sans visa-' }).click();
  await field(page, 'Adresse email *').fill(email);
  await field(page, "Confirmation de l'adresse email *").fill(`autre-${email}`);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Les deux adresses email ne sont pas identiques.')).toBeVisible();
  await expectNoSeriousViolation(page, 'création de compte (erreur)');
  await field(page, "Confirmation de l'adresse email *").fill(email);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Demande de création de compte bien enregistrée.')).toBeVisible();
  await expectNoSeriousViolation(page, 'compte créé');

  const message = await mailbox.latest(email, 'account_created');
  expect(message.text).toContain(`Identifiant : ${email}`);
  const provisional = /^Mot de passe provisoire : (.+)$/m.exec(message.text)![1]!;
  const loginUrl = /^Se connecter : (.+)$/m.exec(message.text)![1]!;
  expect(loginUrl).toBe(`${baseURL}/connexion`);
  await page.goto(loginUrl);
  await portalLogin(page, email, provisional);
  await expect(page.getByRole('heading', { name: 'Réinitialisation du mot de passe' })).toBeVisible();
  await expectNoSeriousViolation(page, 'réinitialisation du mot de passe');
  await field(page, 'Nouveau mot de passe').fill(provisional);
  await field(page, 'Confirmation du mot de passe').fill(provisional);
  await page.getByRole('button', { name: 'Valider mon mot de passe' }).click();
  await expect(page.getByText('Choisissez un mot de passe différent du mot de passe provisoire.')).toBeVisible();
  await field(page, 'Nouveau mot de passe').fill(NEW_PASSWORD);
  await field(page, 'Confirmation du mot de passe').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Valider mon mot de passe' }).click();

  await expect(page.getByText("Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :")).toBeVisible();
  await expectNoSeriousViolation(page, 'profil');
  await page.getByText("Car j'ai des attaches familiales en France").click();
  await page.getByRole('button', { name: 'Je continue' }).click();
  await expect(page.getByText('Dites-nous quelle est votre situation ?')).toBeVisible();
  await expectNoSeriousViolation(page, 'étape 1');
}

async function fillPersonal(page: Page, birthName: string, commune: { search: string; option: string }) {
  await field(page, 'Nom de naissance *').fill(birthName);
  await field(page, 'Prénom(s) *').fill('Malade');
  await page.getByText('Féminin').click();
  const birth = page.getByRole('group', { name: /^Date de naissance/ });
  await birth.getByLabel('Jour').fill('2');
  await birth.getByLabel('Mois').selectOption({ label: 'avril' });
  await birth.getByLabel('Année *').fill('2000');
  await field(page, 'Pays de naissance *').selectOption('Mexique');
  await field(page, 'Lieu de naissance *').fill('Mexico');
  await field(page, 'Nationalité(s) *').selectOption('Mexique');
  await field(page, 'Numéro de voie').fill('20');
  await field(page, 'Voie *').fill('Rue Nationale');
  await field(page, 'Rechercher votre commune').fill(commune.search);
  await chooseCommune(page, commune.option);
  await field(page, 'Téléphone *').fill('0102030405');
}

async function fillMotif(page: Page) {
  const entry = page.getByRole('group', { name: /^Date d'entrée en France/ });
  await entry.getByLabel('Jour').fill('10');
  await entry.getByLabel('Mois').selectOption({ label: 'mars' });
  await entry.getByLabel('Année').fill('2020');
  await field(page, 'Quelle est votre situation familiale actuelle ? *').selectOption({ label: 'Célibataire' });
  await page.getByText('Non', { exact: true }).click();
}

const saveStep = (page: Page) => page.getByRole('button', { name: 'Enregistrer et poursuivre' }).click();
const FILE_PIECES = [
  'Justificatif de nationalité',
  'Justificatif d’identité',
  'Justificatif de domicile de moins de 6 mois',
  'Justificatif de résidence habituelle (au moins 1 an)',
];

/** Step 5 → « Déposer la demande » → step 6; returns the numéro and the receipt's address. */
async function depositAndConfirm(page: Page, birthName: string, prefecture: string) {
  await expect(page.getByText('Votre démarche en ligne est à 90 % terminée')).toBeVisible();
  await expect(page.getByText(prefecture)).toBeVisible();
  await expect(page.getByText(birthName, { exact: true })).toBeVisible();
  await expectNoSeriousViolation(page, 'étape 5');
  await field(page, "Observations à destination de l'administration").fill('Je suis hébergée chez ma sœur.');
  await page.getByRole('button', { name: 'Déposer la demande' }).click();
  await expect(page.getByText('Votre demande a bien été transmise.')).toBeVisible();
  const receipt = page.getByRole('link', { name: /J'ouvre ma confirmation de dépôt de demande \(PDF\)/ });
  await expect(receipt).toBeVisible();
  await expectNoSeriousViolation(page, 'confirmation');
  const numero = (await page.locator('dd').first().innerText()).trim();
  expect(numero).toMatch(/^\d{2}01\d{8}\d{7}$/);
  return { numero, receiptUrl: (await receipt.getAttribute('href'))! };
}

test('the téléprocédure from account creation to the receipt, saved as you go, by keyboard where it matters', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const mailbox = await openMailbox(baseURL!);
  const email = `teleprocedure-${Date.now()}@exemple.fr`;
  await createAccount(page, mailbox, email, baseURL!);

  // Asking again for the same address creates nothing and says what to do.
  const again = await page.request.post('/api/usager/compte', { data: { email, confirmation: email }, headers: { Origin: baseURL! } });
  expect((await again.json()).message).toContain('« Mot de passe oublié ? »');

  // Step 1: another situation is not handled here; the keyboard alone chooses the right one and saves.
  await page.getByText('Je suis un ressortissant étranger né en France').click();
  await expect(page.getByText(/^Cette situation n'est pas traitée par ce service/)).toBeVisible();
  await page.getByRole('radio', { name: 'Je suis un ressortissant étranger né en France' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /résidant habituellement en France et mon état de santé/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Enregistrer et poursuivre' }));
  await page.keyboard.press('Enter');

  // Step 2: every refusal is said next to its field, and nothing typed is lost.
  await expect(page.getByText('Votre démarche en ligne est à 20 % terminée')).toBeVisible();
  await expectNoSeriousViolation(page, 'étape 2');
  await saveStep(page);
  await expect(page.getByText('Nom de naissance : champ obligatoire.')).toBeVisible();
  await expect(field(page, 'Nom de naissance *')).toBeFocused();
  await expectNoSeriousViolation(page, 'étape 2 (erreurs)');
  await fillPersonal(page, 'Essai-Nord', { search: 'lille', option: 'Lille (59800)' });
  const birth = page.getByRole('group', { name: /^Date de naissance/ });
  await birth.getByLabel('Jour').fill('31');
  await birth.getByLabel('Mois').selectOption({ label: 'février' });
  await saveStep(page);
  await expect(page.getByText("Date de naissance : cette date n'existe pas.")).toBeVisible();
  await birth.getByLabel('Jour').fill('2');
  await birth.getByLabel('Mois').selectOption({ label: 'avril' });
  await field(page, 'Code INSEE *').fill('96001');
  await saveStep(page);
  await expect(page.getByText(/Code INSEE : aucune préfecture ne correspond au code 96001/).first()).toBeVisible();
  await expect(field(page, 'Nom de naissance *')).toHaveValue('Essai-Nord');
  await chooseCommune(page, 'Lille (59800)');
  await expect(field(page, 'Code INSEE *')).toHaveValue('59350');

  // The session ends mid-step: after logging in again, the same step comes back with what was typed.
  await page.context().clearCookies();
  await saveStep(page);
  await expect(page).toHaveURL(/\/connexion\?suite=\/demande\/etape\/2$/);
  await portalLogin(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/demande\/etape\/2$/);
  await expect(page.getByText('Votre saisie non enregistrée a été conservée.')).toBeVisible();
  await expect(field(page, 'Nom de naissance *')).toHaveValue('Essai-Nord');
  await saveStep(page);

  // Step 3: the union is asked of Marié(e) only; the attestations are ticked with the keyboard.
  await expect(page.getByText('Votre démarche en ligne est à 45 % terminée')).toBeVisible();
  await expectNoSeriousViolation(page, 'étape 3');
  await fillMotif(page);
  await field(page, 'Quelle est votre situation familiale actuelle ? *').selectOption({ label: 'Marié(e)' });
  await saveStep(page);
  await expect(page.getByText("Date de début de l'union : champ obligatoire.")).toBeVisible();
  await expect(page.getByText("L'attestation de non-polygamie est obligatoire.")).toBeVisible();
  await expectNoSeriousViolation(page, 'étape 3 (erreurs)');
  await field(page, 'Quelle est votre situation familiale actuelle ? *').selectOption({ label: 'Célibataire' });
  await expect(page.getByRole('group', { name: /^Date de début de l'union/ })).toHaveCount(0);
  for (const label of [/Ne pas vivre en France en état de polygamie/, /Avoir connaissance des sanctions pénales/]) {
    await page.getByRole('checkbox', { name: label }).focus();
    await page.keyboard.press('Space');
  }

  // « Quitter et revenir plus tard » saves the step; logging in again resumes at the next one.
  await page.getByRole('button', { name: 'Quitter et revenir plus tard' }).click();
  await expect(page.getByText("Votre demande est enregistrée jusqu'à l'étape « Motif de séjour ».", { exact: false })).toBeVisible();
  await portalLogin(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/demande\/etape\/4$/);

  // Step 4: content-checked uploads, removable, the medical-secrecy sentence, the e-photo format.
  await expect(page.getByText('Votre démarche en ligne est à 70 % terminée')).toBeVisible();
  await expect(page.getByText(/ne joignez ici aucun document médical/)).toBeVisible();
  await expectNoSeriousViolation(page, 'étape 4');
  await field(page, 'Joindre un document – Justificatif d’identité').setInputFiles({
    name: 'acte.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html>pas un pdf</html>'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Format non accepté' })).toBeVisible();
  for (const piece of FILE_PIECES) await attach(page, piece, `${piece}.pdf`);
  await attach(page, 'Justificatif d’identité', 'en-trop.pdf');
  await page.getByRole('button', { name: 'Supprimer en-trop.pdf' }).click();
  await expect(page.getByText('Le document « en-trop.pdf » a été supprimé.')).toBeVisible();
  await field(page, 'Numéro ephoto (22 caractères) *').fill('1234');
  await saveStep(page);
  await expect(page.getByText('Numéro e-photo : 22 caractères (lettres et chiffres) attendus.')).toBeVisible();
  await field(page, 'Numéro ephoto (22 caractères) *').fill('abcdefghij0123456789kl');
  await saveStep(page);

  // Steps 5 and 6, then the receipt from the confirmation, from « Ma demande » and from the e-mail.
  const { numero, receiptUrl } = await depositAndConfirm(page, 'Essai-Nord', 'Préfecture du Nord');
  expect(numero.startsWith('5901')).toBe(true);
  const pdf = await page.request.get(receiptUrl);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pdf.body());
  for (const line of [`N° de la demande : ${numero}`, 'Nom de naissance : ESSAI-NORD', 'Prénom : MALADE', 'A : MEXICO, MEXIQUE']) {
    expect(text).toContain(line);
  }
  await page.getByRole('link', { name: 'Ma demande' }).click();
  await expect(page.getByRole('heading', { name: 'Ma demande' })).toBeVisible();
  await expect(page.getByRole('link', { name: /J'ouvre ma confirmation de dépôt de demande/ })).toHaveAttribute('href', receiptUrl);
  await expectNoSeriousViolation(page, 'Ma demande');

  const deposit = await mailbox.latest(email, 'deposit');
  const link = /^Télécharger la confirmation de dépôt : (.+)$/m.exec(deposit.text)![1]!;
  const fresh = await page.context().browser()!.newPage({ baseURL });
  await fresh.goto(link);
  await expect(fresh).toHaveURL(/\/connexion\?suite=/);
  const opened = fresh.waitForResponse((r) => r.url().endsWith(receiptUrl) && r.status() === 200);
  await portalLogin(fresh, email, NEW_PASSWORD);
  // The browser shows the PDF in its viewer; the same address, read again in this session, is the receipt.
  expect((await opened).headers()['content-type']).toBe('application/pdf');
  expect(pdfText(await (await fresh.request.get(receiptUrl)).body())).toContain(`N° de la demande : ${numero}`);
  await fresh.close();
  await mailbox.close();

  // At once in the Nord's « À traiter » tab.
  await consoleLogin(page, agentOf('59'));
  await openDossier(page, numero, /Essai-Nord/i);
  await expect(page.getByText('Je suis hébergée chez ma sœur.').first()).toBeVisible();
});

test.describe('on a 390 px wide phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the same journey in Paris, routed to the Préfecture de police', async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    const mailbox = await openMailbox(baseURL!);
    const email = `teleprocedure-mobile-${Date.now()}@exemple.fr`;
    await createAccount(page, mailbox, email, baseURL!);
    await mailbox.close();

    await page.getByText(/Je suis un ressortissant étranger résidant habituellement en France/).click();
    await saveStep(page);
    await expectNoSeriousViolation(page, 'étape 2');
    await fillPersonal(page, 'Essai-Paris', { search: '75011', option: 'Paris 11e Arrondissement (75011)' });

    // « Abandonner la demande » asks first; « Non » keeps everything.
    await page.getByRole('button', { name: 'Abandonner la demande' }).click();
    await expect(page.getByText('Voulez-vous vraiment abandonner votre demande ?')).toBeVisible();
    await expectNoSeriousViolation(page, 'confirmation d’abandon');
    await page.getByRole('button', { name: 'Non, continuer ma demande' }).click();
    await expect(field(page, 'Nom de naissance *')).toHaveValue('Essai-Paris');
    await saveStep(page);

    await expectNoSeriousViolation(page, 'étape 3');
    await fillMotif(page);
    await page.getByText(/Ne pas vivre en France en état de polygamie/).click();
    await page.getByText(/Avoir connaissance des sanctions pénales/).click();
    await saveStep(page);

    await expectNoSeriousViolation(page, 'étape 4');
    for (const piece of FILE_PIECES) await attach(page, piece, `${piece}.pdf`);
    await field(page, 'Numéro ephoto (22 caractères) *').fill('ZYXWVUTSRQ9876543210AB');
    await saveStep(page);

    const { numero } = await depositAndConfirm(page, 'Essai-Paris', 'Préfecture de police');
    expect(numero.startsWith('7501')).toBe(true);

    await page.setViewportSize({ width: 1280, height: 900 });
    await consoleLogin(page, agentOf('75'));
    await openDossier(page, numero, /Essai-Paris/i);
  });
});
