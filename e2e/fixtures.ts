import { expect, type Page } from '@playwright/test';
import { DEMO_APPLICANT, DEMO_STAFF } from '../tools/demo/src/accounts.js';

export const AGENT_59 = DEMO_STAFF.find((user) => user.email === 'agent.59@demo.gouv.fr')!;
export const SUPERVISOR_59 = DEMO_STAFF.find((user) => user.email === 'superviseur.59@demo.gouv.fr')!;
export const APPLICANT = DEMO_APPLICANT;

/** Logs in on the console's login page, as a person would. */
export async function consoleLogin(page: Page, user: { email: string; password: string }) {
  await page.goto('/console/');
  await page.getByRole('textbox', { name: 'Identifiant', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Connexion' }).click();
  await expect(page.getByRole('tab', { name: /À traiter/ })).toBeVisible();
}

/** Finds a dossier of the current tab through the search box and opens it. */
export async function openDossier(page: Page, search: string, rowText: RegExp) {
  // The list refetches after a debounce: click only once the filtered answer is in, not a row about to re-render.
  const searchBox = page.getByPlaceholder('Nom ou numéro');
  if ((await searchBox.inputValue()) !== search) {
    const filtered = page.waitForResponse((r) => r.url().includes('/api/dossiers?') && decodeURIComponent(r.url()).includes(search));
    await searchBox.fill(search);
    await filtered;
  }
  const row = page.getByRole('row', { name: rowText }).first();
  await expect(row).toBeVisible();
  await row.click();
}
