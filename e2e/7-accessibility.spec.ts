import { WORKQUEUES } from '@em/domain';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolation } from './axe.js';
import { AGENT_59, consoleLogin, SUPERVISOR_59 } from './fixtures.js';

test('every console page passes axe-core without a serious or critical violation', async ({ page }) => {
  await page.goto('/console/');
  await expect(page.getByRole('button', { name: 'Connexion' })).toBeVisible();
  await expectNoSeriousViolation(page, 'the login page');

  await consoleLogin(page, AGENT_59);
  for (const queue of WORKQUEUES) {
    await page.getByRole('tab', { name: new RegExp(`^${queue.label}`) }).click();
    await expect(page.getByRole('tab', { name: new RegExp(`^${queue.label}`) })).toHaveAttribute('aria-selected', 'true');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolation(page, `the « ${queue.label} » tab`);
  }

  // A dossier under review, with its pieces, history and e-mails.
  await page.getByRole('tab', { name: /^Compléments demandés/ }).click();
  await page
    .getByRole('row')
    .filter({ hasText: /\d{19}/ })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { name: 'Justificatifs' })).toBeVisible();
  await expectNoSeriousViolation(page, 'a dossier');

  // The mailbox and one of its messages.
  await page.getByRole('menuitem', { name: 'Boîte mail locale' }).click();
  const message = page.getByRole('row').filter({ hasText: 'Demande de pièces complémentaires' }).first();
  await message.click();
  await expect(page.getByRole('tab', { name: 'Courriel mis en forme' })).toBeVisible();
  await expectNoSeriousViolation(page, 'the mailbox');

  // The préfecture's settings.
  await page.getByRole('menuitem', { name: 'Préfecture' }).click();
  await expect(page.getByRole('row', { name: /Préfecture du Nord/ })).toBeVisible();
  await expectNoSeriousViolation(page, 'the settings');
});

test('every tab and its count stay in view, and a search with no match here says in which tabs it matches', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await consoleLogin(page, AGENT_59);
  for (const queue of WORKQUEUES) {
    await expect(page.getByRole('tab', { name: new RegExp(`^${queue.label} \\(\\d+\\)$`) })).toBeInViewport();
  }

  // The applicant of specs 1-2 is never « Clôturé »: the search there points to the tabs where she is.
  await page.getByRole('tab', { name: /^Clôturés/ }).click();
  await page.getByPlaceholder('Nom ou numéro').fill('rodriguez');
  const hint = page.getByRole('status').filter({ hasText: 'Aucun dossier ne correspond dans « Clôturés ».' });
  await expect(hint).toBeVisible();
  await hint.getByRole('button', { name: /^Tous \(1\)$/ }).click();
  await expect(page.getByRole('tab', { name: /^Tous/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('row', { name: /Rodríguez Hernández/ })).toBeVisible();
});

test('the local mailbox is searched by recipient, subject or numéro', async ({ page }) => {
  await consoleLogin(page, AGENT_59);
  await page.getByRole('menuitem', { name: 'Boîte mail locale' }).click();
  const rows = page.getByRole('row').filter({ hasText: '@' });
  await expect(rows.first()).toBeVisible();
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/emails?') && decodeURIComponent(r.url()).includes('"q":"usager@demo.fr"'),
  );
  await page.getByRole('textbox', { name: 'Rechercher par destinataire, objet ou numéro de dossier' }).fill('usager@demo.fr');
  await filtered;
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain('usager@demo.fr');
});

test('on a 390 px phone, the supervisor’s pages fit the screen and pass axe-core', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/console/');
  await page.getByRole('textbox', { name: 'Identifiant', exact: true }).fill(SUPERVISOR_59.email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(SUPERVISOR_59.password);
  await page.getByRole('button', { name: 'Connexion' }).click();
  const fitsTheScreen = async (what: string) => {
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${what} is wider than the phone`).toBeLessThanOrEqual(390);
    await expectNoSeriousViolation(page, what);
  };
  await expect(page.getByRole('table', { name: 'Charge de chaque agent' })).toBeAttached();
  await fitsTheScreen('the « Échéances » dashboard');
  await page.goto('/console/#/dossiers');
  await expect(page.getByRole('tab', { name: /^À traiter/ })).toBeVisible();
  await fitsTheScreen('the dossier list');
  await page.goto('/console/#/prefectures/59');
  await expect(page.getByRole('switch', { name: /Clôturer automatiquement/ })).toBeVisible();
  await fitsTheScreen('the préfecture’s settings');
});
