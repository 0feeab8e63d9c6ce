import { type ApplicantIdentity, loginBodySchema, passwordChangeSchema } from '@em/contract';
import { schema } from '@em/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv, ApplicantUser } from '../../deps.js';
import { validate, validateForm } from '../../http/validate.js';
import { changePassword } from '../account/service.js';
import { APPLICANT_COOKIE, requireApplicant } from '../auth/guard.js';
import { logIn, logOut } from '../auth/login.js';

const applicantJson = (a: ApplicantUser): ApplicantIdentity => ({ id: a.id, email: a.email, must_reset_password: a.mustResetPassword });

/** The applicant's temporary account: « Identifiant », « Mot de passe », « S'identifier ». */
export function applicantAuthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/login', validate('json', loginBodySchema), async (c) => {
    const applicant = await logIn(
      deps,
      c,
      {
        cookie: APPLICANT_COOKIE,
        throttlePrefix: 'usager:',
        find: (email) => deps.db.select().from(schema.applicants).where(eq(schema.applicants.email, email)).get(),
        owner: (account) => ({ applicantId: account.id }),
      },
      c.req.valid('json'),
    );
    return c.json(applicantJson(applicant));
  });

  app.post('/logout', (c) => logOut(deps, c, APPLICANT_COOKIE));

  app.get('/me', requireApplicant(deps), (c) => c.json(applicantJson(c.var.applicant)));

  app.post('/password', requireApplicant(deps), validateForm('json', passwordChangeSchema), async (c) => {
    await changePassword(deps, c.var.applicant.id, c.req.valid('json'), getCookie(c, APPLICANT_COOKIE)!);
    return c.body(null, 204);
  });

  return app;
}
