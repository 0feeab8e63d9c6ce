import { accountRequestSchema, forgottenPasswordSchema, passwordResetByLinkSchema } from '@em/contract';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { validateForm } from '../../http/validate.js';
import { createAccount, RESET_LINK_SENT, requestPasswordReset, resetPasswordByLink } from './service.js';

/** /api/usager/compte: account creation and « Mot de passe oublié ? », without a session. */
export function accountRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/', validateForm('json', accountRequestSchema), async (c) => {
    const result = await createAccount(deps, c.req.valid('json').email);
    return c.json(result, result.created ? 201 : 200);
  });

  app.post('/mot-de-passe-oublie', validateForm('json', forgottenPasswordSchema), (c) => {
    requestPasswordReset(deps, c.req.valid('json').email);
    return c.json({ message: RESET_LINK_SENT });
  });

  app.post('/nouveau-mot-de-passe', validateForm('json', passwordResetByLinkSchema), async (c) => {
    const { token, password } = c.req.valid('json');
    await resetPasswordByLink(deps, token, password);
    return c.json({ message: 'Votre mot de passe a été modifié. Vous pouvez vous connecter.' });
  });

  return app;
}
