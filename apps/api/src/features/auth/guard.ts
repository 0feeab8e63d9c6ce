import { schema } from '@em/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../../deps.js';
import { forbidden, unauthorized } from '../../http/errors.js';
import { oncePerDatabase } from '../../http/prepared.js';
import { SESSION_LIFETIME_MS, validateSessionToken } from './sessions.js';

/** Staff and applicants never share a cookie: an agent testing the portal stays an agent in the console. */
export const STAFF_COOKIE = 'em_console_session';
export const APPLICANT_COOKIE = 'em_usager_session';

export function setSessionCookie(c: Context, deps: AppDeps, name: string, token: string) {
  setCookie(c, name, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, name: string) {
  deleteCookie(c, name, { path: '/' });
}

export const PASSWORD_CHANGE_REQUIRED = 'Vous devez d’abord remplacer votre mot de passe provisoire.';

/** Looked up on every console request: prepared once. */
const activeStaffUser = oncePerDatabase((db) =>
  db
    .select({
      id: schema.staffUsers.id,
      email: schema.staffUsers.email,
      fullName: schema.staffUsers.fullName,
      role: schema.staffUsers.role,
      prefectureCode: schema.staffUsers.prefectureCode,
      mustChangePassword: schema.staffUsers.mustChangePassword,
    })
    .from(schema.staffUsers)
    .where(and(eq(schema.staffUsers.id, sql.placeholder('id')), isNull(schema.staffUsers.deactivatedAt)))
    .prepare(),
);

/**
 * Resolves the console session into `c.var.staff`, or answers 401 (a deactivated account has no
 * session left). A person whose password was reset by an admin may only change it (403 elsewhere).
 */
export function requireStaff(deps: AppDeps, options: { whilePasswordChangeRequired?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, STAFF_COOKIE);
    const session = token ? validateSessionToken(deps.db, token, deps.now()) : null;
    if (!session?.staffUserId) throw unauthorized();
    const user = activeStaffUser(deps.db).get({ id: session.staffUserId });
    if (!user) throw unauthorized();
    if (user.mustChangePassword && !options.whilePasswordChangeRequired) throw forbidden(PASSWORD_CHANGE_REQUIRED);
    c.set('staff', user);
    await next();
  });
}

/** Resolves the portal session into `c.var.applicant`, or answers 401. */
export function requireApplicant(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, APPLICANT_COOKIE);
    const session = token ? validateSessionToken(deps.db, token, deps.now()) : null;
    if (!session?.applicantId) throw unauthorized();
    const applicant = deps.db
      .select({ id: schema.applicants.id, email: schema.applicants.email, mustResetPassword: schema.applicants.mustResetPassword })
      .from(schema.applicants)
      .where(eq(schema.applicants.id, session.applicantId))
      .get();
    if (!applicant) throw unauthorized();
    c.set('applicant', applicant);
    await next();
  });
}
