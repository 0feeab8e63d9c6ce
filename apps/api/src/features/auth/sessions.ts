import { type Db, schema, type Tx } from '@em/db';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { oncePerDatabase } from '../../http/prepared.js';

/**
 * Sessions as described by the Lucia guide (lucia-auth.com): a random token goes to the
 * client; only its SHA-256 is stored, so a leaked database holds no usable session.
 * The expiry slides forward when less than half of the lifetime remains.
 */
export const SESSION_LIFETIME_MS = 12 * 3600 * 1000;

export type SessionOwner = { staffUserId: number } | { applicantId: number };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Db, token: string, owner: SessionOwner, now: Date) {
  const session = {
    id: sessionIdOf(token),
    staffUserId: 'staffUserId' in owner ? owner.staffUserId : null,
    applicantId: 'applicantId' in owner ? owner.applicantId : null,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  db.insert(schema.sessions).values(session).run();
  return session;
}

const sessionById = oncePerDatabase((db) =>
  db
    .select()
    .from(schema.sessions)
    .where(eq(schema.sessions.id, sql.placeholder('id')))
    .prepare(),
);

/** The live session of a token, its expiry extended if due; null if unknown or expired. */
export function validateSessionToken(db: Db, token: string, now: Date) {
  const id = sessionIdOf(token);
  const session = sessionById(db).get({ id });
  if (!session) return null;
  if (now.getTime() >= session.expiresAt.getTime()) {
    db.delete(schema.sessions).where(eq(schema.sessions.id, id)).run();
    return null;
  }
  if (session.expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS / 2) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    db.update(schema.sessions).set({ expiresAt: session.expiresAt }).where(eq(schema.sessions.id, id)).run();
  }
  return session;
}

export function invalidateSession(db: Db, token: string): void {
  db.delete(schema.sessions)
    .where(eq(schema.sessions.id, sessionIdOf(token)))
    .run();
}

export function deleteExpiredSessions(db: Db, now: Date): void {
  db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)).run();
}

/** Ends every session of an applicant but the one of `keepToken` (after a password change), or all of them. */
export function invalidateApplicantSessions(db: Db | Tx, applicantId: number, keepToken?: string): void {
  const own = eq(schema.sessions.applicantId, applicantId);
  db.delete(schema.sessions)
    .where(keepToken ? and(own, ne(schema.sessions.id, sessionIdOf(keepToken))) : own)
    .run();
}
