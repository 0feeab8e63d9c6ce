import { expect, type Page, test } from '@playwright/test';
import { AGENT_59, consoleLogin, SUPERVISOR_59 } from './fixtures.js';

async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/console/');
  await page.getByRole('textbox', { name: 'Identifiant', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Connexion' }).click();
}

test('a supervisor follows « À clôturer » from the dashboard and closes the overdue dossiers in one action', async ({ page }) => {
  await logIn(page, SUPERVISOR_59);
  // Supervisors land on « Échéances ».
  await expect(page.getByRole('heading', { name: 'Échéances', level: 1 })).toBeVisible();
  const toClose = page.getByRole('link', { name: /^À clôturer : \d+$/ });
  const count = Number((await toClose.getAttribute('aria-label'))!.split(': ')[1]);
  expect(count).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Charge de chaque agent' })).toBeVisible();

  const listed = page.waitForResponse(
    (r) => r.url().includes('/api/dossiers?') && decodeURIComponent(r.url()).includes('complement_email'),
  );
  await toClose.click();
  await listed;
  await expect(page.getByText('Liste filtrée : demande remise à l’usager.')).toBeVisible();
  const rows = page.getByRole('row').filter({ hasText: 'Délai dépassé' });
  await expect(rows).toHaveCount(count);
  const numeros = (await rows.allInnerTexts()).map((text) => text.match(/\d{19}/)![0]);

  await page.getByRole('checkbox', { name: /Tout sélectionner|Select all/i }).check();
  const selection = page.getByRole('toolbar', { name: 'Actions sur la sélection' });
  await expect(selection).toContainText(`${count} dossier`);
  await selection.getByRole('button', { name: 'Clôturer la sélection' }).click();
  const dialog = page.getByRole('dialog', { name: /Clôturer \d+ dossiers? comme incomplets?/ });
  await dialog.getByLabel('Motif de la clôture').fill('Délai dépassé sans réponse');
  const closed = page.waitForResponse((r) => r.url().endsWith('/api/supervision/close'));
  await dialog.getByRole('button', { name: 'Clôturer les dossiers' }).click();
  expect((await closed).status()).toBe(200);
  const result = page.getByRole('dialog', { name: new RegExp(`^${count} dossiers? clôturés?$`) });
  await expect(result).toContainText('Tous les dossiers sélectionnés ont été traités.');
  await result.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Délai dépassé' })).toHaveCount(0);

  // Each applicant has the closure e-mail, in the local mailbox.
  await page.getByRole('menuitem', { name: 'Boîte mail locale' }).click();
  for (const numero of numeros) {
    await expect(page.getByRole('row', { name: new RegExp(`Clôture.*${numero}`) }).first()).toBeVisible();
  }

  // Back on the dashboard, nothing is left to close.
  await page.getByRole('menuitem', { name: 'Échéances' }).click();
  await expect(page.getByRole('link', { name: 'À clôturer : 0' })).toBeVisible();
});

test('an agent sees a request whose e-mail failed, corrects the address, sends it again, and the new deadline is shown', async ({
  page,
}) => {
  await consoleLogin(page, AGENT_59);
  await page.getByRole('tab', { name: /^Compléments demandés/ }).click();
  const row = page.getByRole('row').filter({ hasText: 'Courriel non remis' }).first();
  await expect(row).toContainText('Délai non commencé');
  await row.getByRole('link').click();

  // The dossier says so, and offers no closure: the applicant never got the request.
  const alert = page.getByRole('alert').filter({ hasText: 'Demande de pièces non remise' });
  await expect(alert).toContainText('@courriel.exmaple');
  await expect(page.getByRole('button', { name: 'Clôturer le dossier (incomplet)' })).toHaveCount(0);

  await alert.getByRole('button', { name: 'Corriger l’adresse et renvoyer la demande' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renvoyer la demande de pièces' });
  const field = dialog.getByRole('textbox', { name: 'Adresse électronique de l’usager' });
  const corrected = (await field.inputValue()).replace(/exmaple$/, 'example');
  const previewed = page.waitForResponse((r) => r.url().includes('/resend/preview') && decodeURIComponent(r.url()).includes(corrected));
  await field.fill(corrected);
  await field.press('Enter');
  const preview = (await (await previewed).json()) as { deadline_at: string; to: string };
  expect(preview.to).toBe(corrected);
  const deadline = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(preview.deadline_at),
  );
  await expect(dialog.getByText(/^Nouvelle échéance : \p{L}+ \d{1,2}(er)? \p{L}+ \d{4}$/u)).toBeVisible();

  const resent = page.waitForResponse((r) => r.url().endsWith('/complement-request/resend') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Renvoyer la demande' }).click();
  expect((await resent).status()).toBe(200);

  // The dispatcher accepts the new e-mail within seconds: the deadline then runs, counted from this sending.
  await expect(page.getByText(`Échéance : ${deadline}`)).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(page.getByText(corrected).first()).toBeVisible();
});
