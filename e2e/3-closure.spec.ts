import { expect, test } from '@playwright/test';
import { AGENT_59, consoleLogin } from './fixtures.js';

test('an overdue file is closed as incomplete, and the applicant is told which pieces never came', async ({ page }) => {
  await consoleLogin(page, AGENT_59);
  await page.getByRole('tab', { name: /Délai dépassé/ }).click();
  const overdue = page.getByRole('row').filter({ hasText: 'Délai dépassé' }).first();
  await expect(overdue).toBeVisible();
  const numero = (await overdue.innerText()).match(/\d{19}/)![0];
  await overdue.click();

  await expect(page.getByRole('alert').filter({ hasText: 'Délai dépassé' })).toBeVisible();
  await page.getByRole('button', { name: 'Clôturer le dossier (incomplet)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clôturer le dossier comme incomplet ?' });
  await expect(dialog.getByRole('listitem').first()).toContainText(/Justificatif|Numéro e-photo/);
  await dialog.getByLabel('Motif de la clôture').fill('Aucune réponse dans le délai');
  const closed = page.waitForResponse((r) => /\/api\/dossiers\/\d+\/close$/.test(r.url()));
  await dialog.getByRole('button', { name: 'Clôturer le dossier' }).click();
  expect((await closed).status()).toBe(200);
  await expect(page.getByText('Clôturé (incomplet)').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clôturer le dossier (incomplet)' })).toHaveCount(0);

  await page.getByRole('menuitem', { name: 'Boîte mail locale' }).click();
  const email = page.getByRole('row', { name: new RegExp(`Clôture.*${numero}`) }).first();
  await expect(email).toBeVisible();
  await email.click();
  await page.getByRole('tab', { name: 'Texte brut' }).click();
  // The pieces never received, by their label; and how to file a new request.
  await expect(page.getByRole('tabpanel')).toContainText(/Les pièces manquantes étaient les suivantes :\s+- Justificatif/);
  await expect(page.getByRole('tabpanel')).not.toContainText('JUSTIFICATIF_');
  await expect(page.getByRole('tabpanel')).toContainText('choisissez « Je demande un premier titre »');
});
