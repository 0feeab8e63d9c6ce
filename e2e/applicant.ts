import { type APIRequestContext, expect, type Locator, type Page, request } from '@playwright/test';
import { DEMO_STAFF } from '../tools/demo/src/accounts.js';

const ADMIN = DEMO_STAFF.find((user) => user.role === 'admin')!;
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The local mailbox, read as the national admin reads it in the console (GET /api/emails). */
export async function openMailbox(baseURL: string) {
  const api: APIRequestContext = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  expect((await api.post('/api/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } })).status()).toBe(200);
  return {
    /** The latest message of a template sent to an address, once the outbox has it. */
    async latest(to: string, template: string): Promise<{ text: string; subject: string }> {
      let id: number | undefined;
      await expect
        .poll(async () => {
          const list = (await (await api.get('/api/emails?range=[0,99]')).json()) as { id: number; to: string; template: string }[];
          id = list.find((email) => email.to === to && email.template === template)?.id;
          return id;
        })
        .toBeDefined();
      return (await api.get(`/api/emails/${id}`)).json();
    },
    close: () => api.dispose(),
  };
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by the start of its label (DSFR labels end with their hint). */
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${escapeRegExp(label)}`));

/** Moves the focus with Tab only, as a keyboard user does, until `target` has it. */
export async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

export async function attach(page: Page, piece: string, name: string) {
  await field(page, `Joindre un document – ${piece}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByText(`Le document « ${name} » a bien été ajouté.`)).toBeVisible();
}

export async function portalLogin(page: Page, email: string, password: string) {
  await field(page, 'Identifiant').fill(email);
  await field(page, 'Mot de passe').fill(password);
  await page.getByRole('button', { name: "S'identifier" }).click();
}

/** Chooses a commune among the search's answers by its label (« Lille (59800) »), as a person clicks it. */
export async function chooseCommune(page: Page, option: string) {
  await page
    .getByRole('group', { name: /^Communes trouvées/ })
    .getByText(option)
    .click();
  await expect(page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(option)}`) })).toBeChecked();
}
