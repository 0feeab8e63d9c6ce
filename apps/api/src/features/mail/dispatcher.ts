import { type Db, schema } from '@em/db';
import { formatParisDate } from '@em/domain';
import { type MailTransport, type SendResult, storedEmailContent } from '@em/mail';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { startComplementDeadline } from '../deadlines/delivery.js';

const { outboxEmails } = schema;

/** Wait before the 2nd, 3rd, … 6th attempt: 1 min, 5 min, 30 min, 2 h, 6 h. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
/** After this many failed attempts a row is marked 'failed' (≈ 8 h 36 min after the first, within Resend's 24 h idempotency window). */
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

export type DispatchOptions = { now: Date; from: string; batchSize?: number };
export type DispatchSummary = { sent: number; retried: number; failed: number };

/**
 * Stable per outbox row: if the process dies after the provider accepted but before the row is
 * marked, the resend is deduplicated. The creation instant keeps a fresh database (ids restart)
 * from colliding with keys the provider still remembers.
 */
export const idempotencyKeyOf = (row: { id: number; createdAt: Date }) => `outbox-${row.id}-${row.createdAt.getTime()}`;

/**
 * Delivers the queued e-mails that are due, oldest first, one at a time, and records the outcome
 * on each row. A transport that throws is treated as a retryable failure. An error while marking
 * a row propagates: the row stays queued and due, and the next run sends it again under the same
 * idempotency key. Runs must not overlap (the server awaits each run before scheduling the next).
 */
export async function dispatchDueEmails(db: Db, transport: MailTransport, options: DispatchOptions): Promise<DispatchSummary> {
  const { now, from, batchSize = 50 } = options;
  const summary: DispatchSummary = { sent: 0, retried: 0, failed: 0 };
  const due = db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      text: outboxEmails.text,
      html: outboxEmails.html,
      data: outboxEmails.data,
      attempts: outboxEmails.attempts,
      createdAt: outboxEmails.createdAt,
      dossierId: outboxEmails.dossierId,
      template: outboxEmails.template,
      numero: schema.dossiers.numero,
    })
    .from(outboxEmails)
    .leftJoin(schema.dossiers, eq(schema.dossiers.id, outboxEmails.dossierId))
    // The first term in the words of the partial index outbox_unsent_idx, for SQLite to read it.
    .where(and(sql`${outboxEmails.status} <> 'sent'`, eq(outboxEmails.status, 'queued'), lte(outboxEmails.nextAttemptAt, now)))
    .orderBy(asc(outboxEmails.nextAttemptAt), asc(outboxEmails.id))
    .limit(batchSize)
    .all();

  for (const row of due) {
    let result: SendResult;
    try {
      result = await transport.send({
        to: row.to,
        from,
        ...storedEmailContent(row),
        idempotencyKey: idempotencyKeyOf(row),
      });
    } catch (cause) {
      result = { ok: false, error: `${transport.name}: ${cause instanceof Error ? cause.message : String(cause)}`, retryable: true };
    }
    const attempts = row.attempts + 1;
    const stillQueued = and(eq(outboxEmails.id, row.id), eq(outboxEmails.status, 'queued'));

    if (result.ok) {
      const { providerMessageId } = result;
      db.transaction((tx) => {
        const marked = tx
          .update(outboxEmails)
          .set({ status: 'sent', sentAt: now, providerMessageId, attempts, lastError: null })
          .where(stillQueued)
          .run();
        // Accepted for delivery: a complement request's deadline starts now, with the row marked.
        if (marked.changes > 0) startComplementDeadline(tx, row, now);
      });
      summary.sent++;
    } else if (result.retryable && attempts < MAX_ATTEMPTS) {
      const nextAttemptAt = new Date(now.getTime() + RETRY_BACKOFF_MS[attempts - 1]!);
      db.update(outboxEmails).set({ attempts, lastError: result.error, nextAttemptAt }).where(stillQueued).run();
      summary.retried++;
    } else {
      db.update(outboxEmails).set({ status: 'failed', attempts, lastError: result.error }).where(stillQueued).run();
      summary.failed++;
    }
  }
  return summary;
}

/**
 * The provider reported that the message it accepted under this id bounced: the applicant never
 * got it, and the dossier's e-mail list says so. Returns whether a row matched.
 */
export function markBounced(db: Db, providerMessageId: string, now: Date, reason?: string): boolean {
  const detail = reason?.trim() ? reason.trim() : 'Adresse refusée par le serveur du destinataire.';
  const result = db
    .update(outboxEmails)
    .set({ status: 'bounced', lastError: `Rebond signalé le ${formatParisDate(now)} : ${detail}` })
    .where(eq(outboxEmails.providerMessageId, providerMessageId))
    .run();
  return result.changes > 0;
}
