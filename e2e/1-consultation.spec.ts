import { expect, test } from '@playwright/test';
import { AGENT_59, consoleLogin, openDossier } from './fixtures.js';

test('an agent of the Nord sees only the Nord’s dossiers and reads a justificatif in the page', async ({ page }) => {
  await consoleLogin(page, AGENT_59);

  // Only dossiers of the Nord: every numéro starts with the département then « 01 ».
  const numeros = page.getByRole('row').filter({ hasText: /\d{19}/ });
  await expect(numeros.first()).toBeVisible();
  for (const text of await numeros.allInnerTexts()) expect(text).toMatch(/\b5901\d{15}\b/);

  await openDossier(page, 'rodriguez', /Rodríguez Hernández/i);
  await expect(page.getByText('Rue Nationale').first()).toBeVisible();
  await expect(page.getByText('59350').first()).toBeVisible();
  await expect(page.getByText('Mexique').first()).toBeVisible();
  await expect(page.getByText('Justificatif d’identité').first()).toBeVisible();

  // Open the first file of the identity piece: it is displayed inside the page.
  const identityFiles = page.getByRole('list', { name: 'Fichiers : Justificatif d’identité' });
  const fileName = (await identityFiles.getByRole('button').first().innerText()).split('\n')[0]!;
  const content = page.waitForResponse((r) => /\/api\/files\/\d+\/content$/.test(r.url()));
  await identityFiles.getByRole('button').first().click();
  const response = await content;
  expect(response.status()).toBe(200);
  expect(['application/pdf', 'image/png']).toContain(response.headers()['content-type']);
  const viewer = page.locator('#file-viewer');
  await expect(viewer.locator(`iframe[title="${fileName}"], img[alt="${fileName}"]`)).toBeVisible();
});
