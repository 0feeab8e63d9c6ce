import { hashPassword, schema, verifyPassword } from '@em/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { HttpError, unauthorized } from '../../http/errors.js';
import { parseBody } from '../../http/validate.js';
import { clearSessionCookie, requireStaff, setSessionCookie, STAFF_COOKIE } from './guard.js';
import { createSession, generateSessionToken, invalidateSession } from './sessions.js';
import { clearAccountFailures, isLoginThrottled, recordLoginFailure } from './throttle.js';

export const loginSchema = z.object({
  email: z.string({ error: 'Identifiant obligatoire.' }).trim().toLowerCase().min(1, 'Identifiant obligatoire.'),
  password: z.string({ error: 'Mot de passe obligatoire.' }).min(1, 'Mot de passe obligatoire.'),
});

// Verified when the e-mail is unknown, so that a wrong address costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(generateSessionToken());
  return decoyHash;
}

export function clientAddress(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}

export const TOO_MANY_ATTEMPTS = 'Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.';

export function staffJson(user: StaffUser) {
  return { id: user.id, email: user.email, full_name: user.fullName, role: user.role, prefecture_code: user.prefectureCode };
}

export function staffAuthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const { email, password } = parseBody(loginSchema, await c.req.json().catch(() => null));
    const now = deps.now();
    const address = clientAddress(c, deps.config.trustProxy);
    if (isLoginThrottled(deps.db, email, address, now)) throw new HttpError(429, TOO_MANY_ATTEMPTS);

    const user = deps.db.select().from(schema.staffUsers).where(eq(schema.staffUsers.email, email)).get();
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !valid) {
      recordLoginFailure(deps.db, email, address, now);
      throw unauthorized('Identifiant ou mot de passe incorrect.');
    }
    clearAccountFailures(deps.db, email);
    const token = generateSessionToken();
    createSession(deps.db, token, { staffUserId: user.id }, now);
    setSessionCookie(c, deps, STAFF_COOKIE, token);
    return c.json(staffJson(user));
  });

  app.post('/logout', (c) => {
    const token = getCookie(c, STAFF_COOKIE);
    if (token) invalidateSession(deps.db, token);
    clearSessionCookie(c, STAFF_COOKIE);
    return c.body(null, 204);
  });

  app.get('/me', requireStaff(deps), (c) => c.json(staffJson(c.var.staff)));

  return app;
}
