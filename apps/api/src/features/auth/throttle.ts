import { type Db, schema } from '@em/db';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';

const { failedLogins } = schema;

/** How long a failed attempt is remembered. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * Each rule lets `free` failures through, then makes the next attempt wait after the last failure:
 * 1 s, 2 s, 4 s… doubling with each failure, up to `maxWaitMs`. An attempt refused while a wait
 * runs is neither checked nor counted, so hammering never lengthens the wait.
 */
export type ThrottleRule = { free: number; maxWaitMs: number };

export const THROTTLE_RULES = {
  /** A person mistyping at their own address, or a guesser on one account from one address. */
  accountAtAddress: { free: 5, maxWaitMs: 15 * 60_000 },
  /** Many accounts tried from one address (password spraying). */
  address: { free: 20, maxWaitMs: 15 * 60_000 },
  /** One account tried from many addresses: a short ceiling, so that nobody can lock its owner out for long. */
  account: { free: 20, maxWaitMs: 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export function waitAfterFailures(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(1000 * 2 ** (failures - rule.free), rule.maxWaitMs);
}

/** An attempt already counted as a failure, forgiven if the password turns out right. */
export type LoginAttempt = { id: number; account: string; address: string };

/**
 * Synchronous, so that nothing runs between the check and the count: a parallel attempt sees
 * this one as a failure already, before the slow password check has even started.
 */
export function startLoginAttempt(
  db: Db,
  account: string,
  address: string,
  now: Date,
): { ok: true; attempt: LoginAttempt } | { ok: false; retryAfterMs: number } {
  const since = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const scopes: [ThrottleRule, SQL | undefined][] = [
    [THROTTLE_RULES.accountAtAddress, and(eq(failedLogins.account, account), eq(failedLogins.address, address))],
    [THROTTLE_RULES.address, eq(failedLogins.address, address)],
    [THROTTLE_RULES.account, eq(failedLogins.account, account)],
  ];
  // One transaction, under the write lock: a parallel attempt in another server process waits for this one's count.
  return db.transaction((tx) => {
    let retryAfterMs = 0;
    for (const [rule, scope] of scopes) {
      const row = tx
        .select({ count: sql<number>`count(*)`, last: sql<number | null>`max(${failedLogins.at})` })
        .from(failedLogins)
        .where(and(scope, gte(failedLogins.at, since)))
        .get();
      const wait = waitAfterFailures(row?.count ?? 0, rule);
      if (wait > 0 && row?.last != null) retryAfterMs = Math.max(retryAfterMs, row.last + wait - now.getTime());
    }
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    tx.delete(failedLogins).where(lt(failedLogins.at, since)).run();
    const attempt = tx.insert(failedLogins).values({ account, address, at: now }).returning().get();
    return { ok: true, attempt };
  });
}

/** The right password: neither this attempt nor the person's earlier typos at this address were an attack. */
export function forgiveLoginAttempt(db: Db, attempt: LoginAttempt): void {
  db.delete(failedLogins)
    .where(and(eq(failedLogins.account, attempt.account), eq(failedLogins.address, attempt.address)))
    .run();
}
