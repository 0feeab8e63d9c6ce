import { type Db, schema } from '@em/db';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `ip:${address}`;

function failuresSince(db: Db, key: string, since: Date): number {
  const row = db
    .select({ count: sql<number>`count(*)` })
    .from(schema.loginFailures)
    .where(and(eq(schema.loginFailures.key, key), gte(schema.loginFailures.at, since)))
    .get();
  return row?.count ?? 0;
}

/** True when this account or this address failed too often in the last 15 minutes. */
export function isLoginThrottled(db: Db, email: string, address: string, now: Date): boolean {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return (
    failuresSince(db, accountKey(email), since) >= MAX_FAILURES_PER_ACCOUNT ||
    failuresSince(db, addressKey(address), since) >= MAX_FAILURES_PER_ADDRESS
  );
}

export function recordLoginFailure(db: Db, email: string, address: string, now: Date): void {
  db.transaction((tx) => {
    tx.insert(schema.loginFailures)
      .values([
        { key: accountKey(email), at: now },
        { key: addressKey(address), at: now },
      ])
      .run();
    tx.delete(schema.loginFailures)
      .where(lt(schema.loginFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)))
      .run();
  });
}

export function clearAccountFailures(db: Db, email: string): void {
  db.delete(schema.loginFailures)
    .where(inArray(schema.loginFailures.key, [accountKey(email)]))
    .run();
}
