import { schema, type Tx } from '@em/db';
import { complementDeadline, formatParisDate } from '@em/domain';
import { and, desc, eq } from 'drizzle-orm';
import { recordEvent } from '../audit/record.js';
import { openComplementRequest } from '../dossiers/state.js';

const { outboxEmails, dossiers, complementRequests } = schema;

/**
 * Domain §5: the applicant's 15 days count from the day the request's e-mail was accepted for
 * delivery. Called by the dispatcher, in the transaction that marks an e-mail sent: when it is the
 * e-mail of the request in progress (the latest one, not one a resend replaced), the deadline
 * starts, on the request and on the dossier, with an event saying so.
 */
export function startComplementDeadline(tx: Tx, email: { id: number; dossierId: number | null; template: string }, sentAt: Date) {
  if (email.template !== 'complement_request' || email.dossierId === null) return;
  const latest = tx
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.dossierId, email.dossierId), eq(outboxEmails.template, 'complement_request')))
    .orderBy(desc(outboxEmails.id))
    .get();
  if (latest?.id !== email.id) return;
  const dossier = tx
    .select({ status: dossiers.status, prefectureCode: dossiers.prefectureCode })
    .from(dossiers)
    .where(eq(dossiers.id, email.dossierId))
    .get();
  const request = openComplementRequest(tx, email.dossierId);
  if (dossier?.status !== 'complement_demande' || !request) return;
  const deadlineAt = complementDeadline(sentAt, dossier.prefectureCode ?? undefined);
  tx.update(complementRequests).set({ deadlineAt }).where(eq(complementRequests.id, request.id)).run();
  tx.update(dossiers).set({ deadlineAt }).where(eq(dossiers.id, email.dossierId)).run();
  recordEvent(tx, {
    actor: { type: 'system' },
    action: 'deadline_started',
    dossierId: email.dossierId,
    at: sentAt,
    reason: `Courriel de demande envoyé le ${formatParisDate(sentAt)} — échéance le ${formatParisDate(deadlineAt)}`,
  });
}
