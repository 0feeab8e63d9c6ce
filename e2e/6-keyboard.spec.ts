import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousViolation } from './axe.js';
import { AGENT_59 } from './fixtures.js';

/** A dossier of the Nord's « À traiter » tab that specs 1-3 leave alone. */
const DOSSIER = /Sissoko/;

/** Presses Tab (Shift+Tab backwards) until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The focus ring is drawn: an outline, not a faint ripple. */
async function expectFocusRing(target: Locator) {
  await expect(target).toBeFocused();
  const outline = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { width: Number.parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

const savedReview = (page: Page) => page.waitForResponse((r) => /\/api\/pieces\/\d+$/.test(r.url()) && r.request().method() === 'PUT');

test('an agent reviews a whole dossier with the keyboard alone', async ({ page }) => {
  // Log in: type, Tab, Enter.
  await page.goto('/console/');
  await page.getByRole('textbox', { name: 'Identifiant', exact: true }).focus();
  await page.keyboard.type(AGENT_59.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(AGENT_59.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /À traiter/ })).toBeVisible();

  // Open the dossier from the « À traiter » list through its numéro, a link reached with Tab.
  const row = page.getByRole('row', { name: DOSSIER });
  await expect(row).toBeVisible();
  const numero = row.getByRole('link');
  await tabTo(page, numero);
  await expectFocusRing(numero);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/dossiers\/\d+\/show$/);

  // Take it.
  const take = page.getByRole('button', { name: 'Prendre en charge' });
  await tabTo(page, take);
  await expectFocusRing(take);
  await page.keyboard.press('Enter');
  await expect(page.getByText('En examen').first()).toBeVisible();
  await expect(page.getByRole('group', { name: /^Vérification – / }).first()).toBeVisible();
  await expectNoSeriousViolation(page, 'a dossier under review');

  // Give each piece a verdict: the first is flagged with the preset message, the others conform;
  // after each save the focus moves by itself to the next piece to review.
  const groups = page.getByRole('group', { name: /^Vérification – / });
  const count = await groups.count();
  expect(count).toBeGreaterThan(1);
  const first = groups.nth(0);
  // The first piece is the e-photo number: a number, not a document, is missing.
  const missing = first.getByRole('button', { name: /^Numéro manquant – / });
  await tabTo(page, missing);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: /^Message pour l’usager – / })).toBeFocused();
  await page.keyboard.press('Tab'); // « Annuler »
  await page.keyboard.press('Tab'); // « Enregistrer »
  await expect(page.getByRole('button', { name: /^Enregistrer « Numéro manquant » – / })).toBeFocused();
  let saved = savedReview(page);
  await page.keyboard.press('Enter');
  expect((await saved).status()).toBe(200);
  for (let i = 1; i < count; i++) {
    const conforme = groups.nth(i).getByRole('button', { name: /^Conforme – / });
    await expect(conforme).toBeFocused();
    saved = savedReview(page);
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(200);
    await expect(conforme).toHaveAttribute('aria-pressed', 'true');
  }

  // Every piece reviewed: the focus lands on the dossier's actions; preview the request, formatted e-mail first.
  const request = page.getByRole('button', { name: /Demander des pièces complémentaires/ });
  await expect(request).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('tab', { name: 'Courriel mis en forme' })).toHaveAttribute('aria-selected', 'true');
  const send = dialog.getByRole('button', { name: 'Envoyer la demande' });
  await expect(send).toBeEnabled();
  await expectNoSeriousViolation(page, 'the complement request preview');
  await tabTo(page, send);
  await expectFocusRing(send);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Compléments demandés').first()).toBeVisible();
});
