import { type Db, schema, type Tx } from '@em/db';
import { type Action, canDecide, type Status, transition } from '@em/domain';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { AppDeps, StaffUser } from '../../deps.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';

export type DossierRow = typeof schema.dossiers.$inferSelect;

/** National admins read everything but take no decision on a case (domain §1): 403. */
export function assertCanDecide(staff: StaffUser) {
  if (!canDecide(staff.role)) throw forbidden('Un administrateur national ne prend pas de décision sur un dossier.');
}

/** Where the applicant answers a complement request: the e-mails' « Reprendre ma demande » link. */
export const resumeUrl = (deps: AppDeps) => `${deps.config.publicUrl}/demande/justificatifs`;

/** The dossier within the caller's scope, or 404: the same answer whether it is absent or someone else's. */
export function loadDossier(tx: Db | Tx, scope: SQL, id: number): DossierRow {
  const row = tx
    .select()
    .from(schema.dossiers)
    .where(and(scope, eq(schema.dossiers.id, id)))
    .get();
  if (!row) throw notFound('Dossier introuvable.');
  return row;
}

/** The target state of an action, or a 409 with the domain's French message. */
export function requireTransition(dossier: DossierRow, action: Action): Status {
  const result = transition(dossier.status, action);
  if (!result.ok) throw conflict(result.message);
  return result.to;
}

export function setStatus(tx: Db | Tx, dossierId: number, values: Partial<typeof schema.dossiers.$inferInsert>) {
  tx.update(schema.dossiers).set(values).where(eq(schema.dossiers.id, dossierId)).run();
}

export function piecesOf(tx: Db | Tx, dossierId: number) {
  return tx.select().from(schema.pieces).where(eq(schema.pieces.dossierId, dossierId)).all();
}

/** The complement request still waiting for the applicant's answer, if any. */
export function openComplementRequest(tx: Db | Tx, dossierId: number) {
  return (
    tx
      .select()
      .from(schema.complementRequests)
      .where(and(eq(schema.complementRequests.dossierId, dossierId), isNull(schema.complementRequests.answeredAt)))
      .orderBy(desc(schema.complementRequests.id))
      .get() ?? null
  );
}

export function addresseeOf(dossier: DossierRow) {
  return { firstNames: dossier.firstNames, birthName: dossier.birthName };
}

/** Where the applicant's e-mails go: the contact address of the pré-demande, else the account's. */
export function recipientOf(tx: Db | Tx, dossier: DossierRow): string {
  if (dossier.email) return dossier.email;
  return tx.select({ email: schema.applicants.email }).from(schema.applicants).where(eq(schema.applicants.id, dossier.applicantId)).get()!
    .email;
}
