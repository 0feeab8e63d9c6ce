import type { loginBodySchema } from '@em/contract';
import { hashPassword, verifyPassword } from '@em/db';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { z } from 'zod';
import { type AppDeps, proxyHops } from '../../deps.js';
import { HttpError, unauthorized } from '../../http/errors.js';
import { clearSessionCookie, setSessionCookie } from './guard.js';
import { createSession, generateSessionToken, invalidateSession, type SessionOwner } from './sessions.js';
import { forgiveLoginAttempt, startLoginAttempt } from './throttle.js';

export function tooManyAttempts(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} seconde${seconds > 1 ? 's' : ''}` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
  return `Trop de tentatives de connexion échouées. Réessayez dans ${wait}.`;
}

// Verified when the e-mail is unknown, so that a wrong address costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;
function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(generateSessionToken());
  return decoyHash;
}

/**
 * Behind `proxies` trusted reverse proxies, the client is the entry the outermost of them appended
 * to X-Forwarded-For, counted from the right; anything further left was written by the client.
 */
export function clientAddress(c: Context, proxies: number): string {
  const entries =
    c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((entry) => entry.trim()) ?? [];
  const forwarded = proxies > 0 ? entries[Math.max(0, entries.length - proxies)] : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}

type Account = { id: number; passwordHash: string };

/**
 * The one login procedure, for staff and applicants alike: throttle check and the attempt counted
 * as a failure before any hashing, constant-cost password check, the attempt forgiven if the
 * password is right, then a new session in the audience's own cookie.
 */
export async function logIn<A extends Account>(
  deps: AppDeps,
  c: Context,
  audience: { cookie: string; throttlePrefix: string; find: (email: string) => A | undefined; owner: (account: A) => SessionOwner },
  { email, password }: z.output<typeof loginBodySchema>,
): Promise<A> {
  const now = deps.now();
  const address = clientAddress(c, proxyHops(deps.config.trustProxy));
  const started = startLoginAttempt(deps.db, `${audience.throttlePrefix}${email}`, address, now);
  if (!started.ok) {
    c.header('Retry-After', String(Math.ceil(started.retryAfterMs / 1000)));
    throw new HttpError(429, tooManyAttempts(started.retryAfterMs));
  }

  const account = audience.find(email);
  const valid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!account || !valid) throw unauthorized('Identifiant ou mot de passe incorrect.');
  forgiveLoginAttempt(deps.db, started.attempt);
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
