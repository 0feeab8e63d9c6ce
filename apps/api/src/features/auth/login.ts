import type { loginBodySchema } from '@em/contract';
import { hashPassword, verifyPassword } from '@em/db';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { HttpError, unauthorized } from '../../http/errors.js';
import { clearSessionCookie, setSessionCookie } from './guard.js';
import { createSession, generateSessionToken, invalidateSession, type SessionOwner } from './sessions.js';
import { clearAccountFailures, isLoginThrottled, recordLoginFailure } from './throttle.js';

export const TOO_MANY_ATTEMPTS = 'Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.';

// Verified when the e-mail is unknown, so that a wrong address costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;
function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(generateSessionToken());
  return decoyHash;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}

type Account = { id: number; passwordHash: string };

/**
 * The one login procedure, for staff and applicants alike: throttle check before any hashing,
 * constant-cost password check, failure counted per account and per address, then a new session
 * in the audience's own cookie.
 */
export async function logIn<A extends Account>(
  deps: AppDeps,
  c: Context,
  audience: { cookie: string; throttlePrefix: string; find: (email: string) => A | undefined; owner: (account: A) => SessionOwner },
  { email, password }: z.output<typeof loginBodySchema>,
): Promise<A> {
  const now = deps.now();
  const address = clientAddress(c, deps.config.trustProxy);
  const throttleKey = `${audience.throttlePrefix}${email}`;
  if (isLoginThrottled(deps.db, throttleKey, address, now)) throw new HttpError(429, TOO_MANY_ATTEMPTS);

  const account = audience.find(email);
  const valid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!account || !valid) {
    recordLoginFailure(deps.db, throttleKey, address, now);
    throw unauthorized('Identifiant ou mot de passe incorrect.');
  }
  clearAccountFailures(deps.db, throttleKey);
  const token = generateSessionToken();
  createSession(deps.db, token, audience.owner(account), now);
  setSessionCookie(c, deps, audience.cookie, token);
  return account;
}

export function logOut(deps: AppDeps, c: Context, cookie: string) {
  const token = getCookie(c, cookie);
  if (token) invalidateSession(deps.db, token);
  clearSessionCookie(c, cookie);
  return c.body(null, 204);
}
