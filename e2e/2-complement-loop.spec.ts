import { expect, type Locator, type Page, test } from '@playwright/test';
import { AGENT_59, APPLICANT, consoleLogin, openDossier } from './fixtures.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const REQUIRED_PIECES = [
  'Numéro e-photo',
  'Justificatif de nationalité',
  'Justificatif d’identité',
  'Justificatif de domicile de moins de 6 mois',
  'Justificatif de résidence habituelle (au moins 1 an)',
];

/**
 * The e-mail is a sandboxed document, drawn by a process of its own: on a loaded machine the first click can
 * reach the frame before it has drawn and be dropped (the CI lost one so). A person clicks again; so does this.
 */
async function clickUntilANewPageOpens(page: Page, link: Locator): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const opened = page.context().waitForEvent('page', { timeout: 10_000 });
    opened.catch(() => undefined);
    await link.click();
    try {
      return await opened;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

test('the complement loop: request, e-mail, applicant’s answer through the link, complete file', async ({ page, baseURL }) => {
  // 1. The agent of the Nord takes the demo applicant's deposited dossier.
  await consoleLogin(page, AGENT_59);
  await openDossier(page, 'rodriguez', /Rodríguez Hernández/i);
  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(page.getByText('En examen').first()).toBeVisible();

  // 2. They flag the identity piece as missing, with the preset message.
  await page.getByRole('button', { name: 'Document manquant – Justificatif d’identité' }).click();
  await expect(page.getByRole('textbox', { name: 'Message pour l’usager – Justificatif d’identité' })).toHaveValue(
    'veuillez joindre un autre document',
  );
  const reviewed = page.waitForResponse((r) => /\/api\/pieces\/\d+$/.test(r.url()) && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Enregistrer « Document manquant » – Justificatif d’identité' }).click();
  expect((await reviewed).status()).toBe(200);

  // 2b. A proof of address handed in at the counter is attached for the applicant, with the channel and the day.
  const domicile = page.getByRole('article', { name: /^Justificatif de domicile/ });
  await domicile.getByRole('button', { name: 'Joindre un document reçu' }).click();
  const counter = page.getByRole('dialog', { name: 'Document reçu au guichet ou par courrier' });
  await expect(counter.getByRole('radio', { name: 'Au guichet' })).toBeChecked();
  await counter.getByLabel(/^Document/).setInputFiles({ name: 'quittance-guichet.pdf', mimeType: 'application/pdf', buffer: PDF });
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await counter.getByLabel('Date de réception').fill(tomorrow);
  await counter.getByRole('button', { name: 'Joindre le document' }).click();
  await expect(counter.getByRole('alert')).toHaveText('La date de réception ne peut pas être dans le futur.');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
  await counter.getByLabel('Date de réception').fill(today);
  const attached = page.waitForResponse((r) => /\/api\/pieces\/\d+\/files\?/.test(r.url()) && r.request().method() === 'POST');
  await counter.getByRole('button', { name: 'Joindre le document' }).click();
  expect((await attached).status()).toBe(201);
  await expect(counter).toBeHidden();
  const [year, month, day] = today.split('-');
  await expect(domicile.getByText(`Remis au guichet le ${day}/${month}/${year}`)).toBeVisible();
  await expect(domicile.getByText('quittance-guichet.pdf')).toBeVisible();

  // 3. They read the exact e-mail, with its deadline, then send it: it opens on the formatted e-mail.
  await page.getByRole('button', { name: /Demander des pièces complémentaires/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('tab', { name: 'Courriel mis en forme' })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('tab', { name: 'Texte brut' }).click();
  await expect(dialog).toContainText('« JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document');
  await expect(dialog).toContainText(/Échéance : \p{L}+ \d{1,2} \p{L}+ \d{4}/u);
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByText('Compléments demandés').first()).toBeVisible();

  // 4. The e-mail is in the local mailbox, and its « Reprendre ma demande » link leads to the portal.
  await page.getByRole('menuitem', { name: 'Boîte mail locale' }).click();
  await page
    .getByRole('row', { name: new RegExp(`${APPLICANT.email}.*Demande de pièces complémentaires`) })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Texte brut' }).click();
  const text = await page.getByRole('tabpanel').innerText();
  expect(text).toContain('Passé ce délai, votre dossier pourra être considéré comme incomplet et de ce fait clôturé.');
  expect(text).toContain(`Reprendre ma demande : ${baseURL}/demande/justificatifs`);
  await page.getByRole('tab', { name: 'Courriel mis en forme' }).click();
  const resume = page.frameLocator('iframe[title^="Courriel"]').getByRole('link', { name: 'Reprendre ma demande' });
  await expect(resume).toHaveAttribute('href', `${baseURL}/demande/justificatifs`);
  const portal = await clickUntilANewPageOpens(page, resume);

  // 5. The applicant logs in and lands on the Justificatifs step.
  await expect(portal).toHaveURL(/\/connexion\?suite=/);
  await portal.getByLabel('Identifiant').fill(APPLICANT.email);
  await portal.getByLabel('Mot de passe').fill(APPLICANT.password);
  await portal
    .getByRole('button', { name: 'S’identifier' })
    .or(portal.getByRole('button', { name: "S'identifier" }))
    .click();
  await expect(portal).toHaveURL(/\/demande\/justificatifs$/);
  await expect(portal.getByText('« veuillez joindre un autre document »')).toBeVisible();
  const attach = portal.getByLabel('Joindre un document – Justificatif d’identité');

  // A file whose content is not an accepted type is refused with the reason, and nothing is added.
  await attach.setInputFiles({ name: 'acte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>pas un pdf</html>') });
  await expect(portal.getByRole('alert').filter({ hasText: 'Format non accepté' })).toBeVisible();
  await expect(portal.getByRole('button', { name: 'Déposer les compléments' })).toBeDisabled();

  await attach.setInputFiles({ name: 'acte-de-naissance.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(portal.getByText('acte-de-naissance.pdf').first()).toBeVisible();
  await portal.getByRole('button', { name: 'Déposer les compléments' }).click();
  await expect(portal.getByText('Vos compléments ont bien été transmis.')).toBeVisible();
  // What was sent, read-only: no invitation to attach anything, no form left.
  await expect(portal.getByRole('heading', { name: 'Récapitulatif de vos justificatifs' })).toBeVisible();
  await expect(portal.getByText(/nous allons vous demander de joindre|champs marqués/)).toHaveCount(0);
  await expect(portal.getByRole('button', { name: /Déposer les compléments|Supprimer/ })).toHaveCount(0);
  await portal.close();

  // 6. The agent finds it under « Compléments reçus », finds every piece conforming and declares the file complete.
  await page.getByRole('menuitem', { name: 'Dossiers' }).click();
  await page.getByRole('tab', { name: /Compléments reçus/ }).click();
  await openDossier(page, 'rodriguez', /Rodríguez Hernández/i);
  await expect(page.getByText('acte-de-naissance.pdf').first()).toBeVisible();
  for (const piece of REQUIRED_PIECES) {
    const saved = page.waitForResponse((r) => /\/api\/pieces\/\d+$/.test(r.url()) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: `Conforme – ${piece}`, exact: true }).click();
    expect((await saved).status()).toBe(200);
  }
  await page.getByRole('button', { name: 'Déclarer le dossier complet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Déclarer complet' }).click();
  await expect(page.getByText('Complet', { exact: true }).first()).toBeVisible();
});
