import type { ApplicantIdentity } from '@em/contract';
import { hashPassword, schema } from '@em/db';
import { applicantPasswordMessage } from '@em/domain';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv, ApplicantUser } from '../../deps.js';
import { badRequest } from '../../http/errors.js';
import { parseBody } from '../../http/validate.js';
import { APPLICANT_COOKIE, requireApplicant } from '../auth/guard.js';
import { logIn, logOut } from '../auth/login.js';

const passwordSchema = z.object({
  password: z.string({ error: 'Nouveau mot de passe obligatoire.' }),
  confirmation: z.string({ error: 'Confirmation du mot de passe obligatoire.' }),
});

const applicantJson = (a: ApplicantUser): ApplicantIdentity => ({ id: a.id, email: a.email, must_reset_password: a.mustResetPassword });

/** The applicant's temporary account: « Identifiant », « Mot de passe », « S'identifier ». */
export function applicantAuthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const applicant = await logIn(deps, c, {
      cookie: APPLICANT_COOKIE,
      throttlePrefix: 'usager:',
      find: (email) => deps.db.select().from(schema.applicants).where(eq(schema.applicants.email, email)).get(),
      owner: (account) => ({ applicantId: account.id }),
    });
    return c.json(applicantJson(applicant));
  });

  app.post('/logout', (c) => logOut(deps, c, APPLICANT_COOKIE));

  app.get('/me', requireApplicant(deps), (c) => c.json(applicantJson(c.var.applicant)));

  app.post('/password', requireApplicant(deps), async (c) => {
    const { password, confirmation } = parseBody(passwordSchema, await c.req.json().catch(() => null));
    const problem = applicantPasswordMessage(password);
    if (problem) throw badRequest(problem);
    if (password !== confirmation) throw badRequest('Les deux mots de passe ne sont pas identiques.');
    deps.db
      .update(schema.applicants)
      .set({ passwordHash: await hashPassword(password), mustResetPassword: false })
      .where(eq(schema.applicants.id, c.var.applicant.id))
      .run();
    return c.body(null, 204);
  });

  return app;
}
