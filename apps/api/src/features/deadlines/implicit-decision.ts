import { type Db, schema, type Tx } from '@em/db';
import { implicitDecisionOf, type Status } from '@em/domain';
import { eq } from 'drizzle-orm';

const { dossiers, complementRequests } = schema;

/**
 * Recomputes a dossier's implicit-decision date from its deposit and the time pieces were awaited
 * (each complement request, from its sending to the answer). Called inside the transaction of every
 * write that changes one of those: deposit, request, answer, resend, closure.
 */
export function refreshImplicitDecision(tx: Db | Tx, dossierId: number): Date | null {
  const dossier = tx
    .select({ status: dossiers.status, depositedAt: dossiers.depositedAt })
    .from(dossiers)
    .where(eq(dossiers.id, dossierId))
    .get();
  if (!dossier) return null;
  const suspensions = tx
    .select({ from: complementRequests.sentAt, to: complementRequests.answeredAt })
    .from(complementRequests)
    .where(eq(complementRequests.dossierId, dossierId))
    .all();
  const date = implicitDecisionOf(dossier.status as Status, dossier.depositedAt, suspensions);
  tx.update(dossiers).set({ implicitDecisionAt: date }).where(eq(dossiers.id, dossierId)).run();
  return date;
}
