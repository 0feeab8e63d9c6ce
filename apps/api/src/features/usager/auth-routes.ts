import { type ApplicantIdentity, loginBodySchema, passwordChangeBodySchema } from '@em/contract';
import { schema } from '@em/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, ApplicantUser } from '../../deps.js';
import { validate } from '../../http/validate.js';
import { APPLICANT_COOKIE, requireApplicant } from '../auth/guard.js';
import { logIn, logOut } from '../auth/login.js';
import { newPasswordHash } from '../auth/new-password.js';

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

  app.post('/password', requireApplicant(deps), validate('json', passwordChangeBodySchema), async (c) => {
    const passwordHash = await newPasswordHash(c.req.valid('json'));
    deps.db
      .update(schema.applicants)
      .set({ passwordHash, mustResetPassword: false })
      .where(eq(schema.applicants.id, c.var.applicant.id))
      .run();
    return c.body(null, 204);
  });

  return app;
}
