import { hashPassword, schema, verifyPassword } from '@em/db';
import { applicantPasswordMessage } from '@em/domain';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps, AppEnv, ApplicantUser } from '../../deps.js';
import { badRequest, HttpError, unauthorized } from '../../http/errors.js';
import { parseBody } from '../../http/validate.js';
import { APPLICANT_COOKIE, clearSessionCookie, requireApplicant, setSessionCookie } from '../auth/guard.js';
import { clientAddress, decoyPasswordHash, loginSchema, TOO_MANY_ATTEMPTS } from '../auth/routes.js';
import { createSession, generateSessionToken, invalidateSession } from '../auth/sessions.js';
import { clearAccountFailures, isLoginThrottled, recordLoginFailure } from '../auth/throttle.js';

const passwordSchema = z.object({
  password: z.string({ error: 'Nouveau mot de passe obligatoire.' }),
  confirmation: z.string({ error: 'Confirmation du mot de passe obligatoire.' }),
});

const applicantJson = (a: ApplicantUser) => ({ id: a.id, email: a.email, must_reset_password: a.mustResetPassword });

/** The applicant's temporary account: « Identifiant », « Mot de passe », « S'identifier ». */
export function applicantAuthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const { email, password } = parseBody(loginSchema, await c.req.json().catch(() => null));
    const now = deps.now();
    const address = clientAddress(c, deps.config.trustProxy);
    const throttleKey = `usager:${email}`;
    if (isLoginThrottled(deps.db, throttleKey, address, now)) throw new HttpError(429, TOO_MANY_ATTEMPTS);
    const applicant = deps.db.select().from(schema.applicants).where(eq(schema.applicants.email, email)).get();
    const valid = await verifyPassword(applicant?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!applicant || !valid) {
      recordLoginFailure(deps.db, throttleKey, address, now);
      throw unauthorized('Identifiant ou mot de passe incorrect.');
    }
    clearAccountFailures(deps.db, throttleKey);
    const token = generateSessionToken();
    createSession(deps.db, token, { applicantId: applicant.id }, now);
    setSessionCookie(c, deps, APPLICANT_COOKIE, token);
    return c.json(applicantJson(applicant));
  });

  app.post('/logout', (c) => {
    const token = getCookie(c, APPLICANT_COOKIE);
    if (token) invalidateSession(deps.db, token);
    clearSessionCookie(c, APPLICANT_COOKIE);
    return c.body(null, 204);
  });

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
