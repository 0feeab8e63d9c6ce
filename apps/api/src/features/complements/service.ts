import type { ComplementPreview } from '@em/contract';
import { type Db, schema, type Tx } from '@em/db';
import {
  complementDeadline,
  formatParisDate,
  isDeadlinePassed,
  isFlaggedReview,
  PIECE_CATALOGUE,
  pieceDefinition,
  type RequestedPiece,
  type ReviewStatus,
} from '@em/domain';
import { renderEmail } from '@em/mail';
import { eq, type SQL } from 'drizzle-orm';
import type { AppDeps, StaffUser } from '../../deps.js';
import { conflict, forbidden } from '../../http/errors.js';
import { type Actor, recordEvent } from '../audit/record.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { enqueueEmail } from '../mail/outbox.js';
import {
  addresseeOf,
  type DossierRow,
  loadDossier,
  openComplementRequest,
  piecesOf,
  recipientOf,
  requireTransition,
  setStatus,
} from './dossier-state.js';

/** National admins read everything but take no decision on a case (domain §1). */
export function assertCanDecide(staff: StaffUser) {
  if (staff.role === 'admin') throw forbidden('Un administrateur national ne prend pas de décision sur un dossier.');
}

export const resumeUrl = (deps: AppDeps) => `${deps.config.publicUrl}/demande/justificatifs`;

export function takeDossier(deps: AppDeps, staff: StaffUser, dossierId: number, reason = '') {
  assertCanDecide(staff);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const dossier = loadDossier(tx, staffDossierScope(staff), dossierId);
    const to = requireTransition(dossier, 'take');
    setStatus(tx, dossier.id, { status: to, assigneeId: staff.id });
    recordEvent(tx, {
      actor: { type: 'staff', user: staff },
      action: 'take',
      dossierId,
      at: now,
      before: dossier.status,
      after: to,
      reason,
    });
  });
}

/** Dossier states in which an agent reviews pieces. */
const REVIEWABLE = ['en_examen', 'complement_recu'];

export function reviewPiece(deps: AppDeps, staff: StaffUser, pieceId: number, reviewStatus: ReviewStatus, message: string) {
  assertCanDecide(staff);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const piece = tx.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
    const dossier = loadDossier(tx, staffDossierScope(staff), piece?.dossierId ?? -1);
    if (!REVIEWABLE.includes(dossier.status)) {
      throw conflict(
        "Les pièces ne peuvent être vérifiées que sur un dossier en examen ou dont les compléments ont été reçus. Prenez d'abord le dossier en charge.",
      );
    }
    if (isFlaggedReview(reviewStatus) && !message.trim())
      throw conflict('Indiquez un message pour l’usager : il le lira dans la demande de pièces.');
    tx.update(schema.pieces)
      .set({ reviewStatus, reviewMessage: isFlaggedReview(reviewStatus) ? message.trim() : '', reviewedById: staff.id, reviewedAt: now })
      .where(eq(schema.pieces.id, piece!.id))
      .run();
    recordEvent(tx, {
      actor: { type: 'staff', user: staff },
      action: 'review_piece',
      dossierId: dossier.id,
      at: now,
      before: piece!.reviewStatus,
      after: reviewStatus,
      reason: `${piece!.code}${message.trim() ? ` : ${message.trim()}` : ''}`,
    });
  });
}

/**
 * What a complement request sent now would hold: the flagged pieces in catalogue order, the
 * deadline and the e-mail's data. The preview and the sending both use it, so the agent reads the
 * very e-mail that leaves.
 */
function complementRequestDraft(deps: AppDeps, tx: Db | Tx, dossier: DossierRow, now: Date) {
  const order = PIECE_CATALOGUE.map((p) => p.code as string);
  const requested: RequestedPiece[] = piecesOf(tx, dossier.id)
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .flatMap((p) => (isFlaggedReview(p.reviewStatus) ? [{ code: p.code, reviewStatus: p.reviewStatus, message: p.reviewMessage }] : []));
  const deadline = complementDeadline(now, dossier.prefectureCode ?? undefined);
  const email = { to: addresseeOf(dossier), numero: dossier.numero ?? '', pieces: requested, deadline, resumeUrl: resumeUrl(deps) };
  return { requested, deadline, email };
}

/** The exact e-mail a complement request sent now would carry, for the agent to read before sending. */
export function previewComplementRequest(deps: AppDeps, staff: StaffUser, dossierId: number): ComplementPreview {
  const dossier = loadDossier(deps.db, staffDossierScope(staff), dossierId);
  requireTransition(dossier, 'request_complement');
  const { requested, deadline, email } = complementRequestDraft(deps, deps.db, dossier, deps.now());
  return {
    deadline_at: deadline.toISOString(),
    to: recipientOf(deps.db, dossier),
    pieces: requested.map((p) => p.code),
    ...renderEmail('complement_request', email),
  };
}

export function requestComplements(deps: AppDeps, staff: StaffUser, dossierId: number) {
  assertCanDecide(staff);
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const dossier = loadDossier(tx, staffDossierScope(staff), dossierId);
    const to = requireTransition(dossier, 'request_complement');
    const { requested, deadline, email } = complementRequestDraft(deps, tx, dossier, now);
    if (requested.length === 0)
      throw conflict('Aucune pièce n’est signalée : marquez au moins une pièce manquante, illisible ou non conforme.');
    const request = tx
      .insert(schema.complementRequests)
      .values({ dossierId: dossier.id, requestedById: staff.id, sentAt: now, deadlineAt: deadline, requestedPieces: requested })
      .returning()
      .get();
    setStatus(tx, dossier.id, { status: to, deadlineAt: deadline, assigneeId: dossier.assigneeId ?? staff.id });
    recordEvent(tx, {
      actor: { type: 'staff', user: staff },
      action: 'request_complement',
      dossierId: dossier.id,
      at: now,
      before: dossier.status,
      after: to,
      reason: `${requested.map((p) => p.code).join(', ')} — échéance le ${formatParisDate(deadline)}`,
    });
    enqueueEmail(tx, {
      dossierId: dossier.id,
      to: recipientOf(tx, dossier),
      template: 'complement_request',
      data: email,
      now,
    });
    return request;
  });
}

export function declareComplete(deps: AppDeps, staff: StaffUser, dossierId: number, reason = '') {
  assertCanDecide(staff);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const dossier = loadDossier(tx, staffDossierScope(staff), dossierId);
    const to = requireTransition(dossier, 'complete');
    const notConforming = piecesOf(tx, dossier.id).filter((p) => pieceDefinition(p.code).required && p.reviewStatus !== 'conforme');
    if (notConforming.length > 0) {
      const labels = notConforming.map((p) => `« ${pieceDefinition(p.code).label} »`).join(', ');
      throw conflict(`Le dossier ne peut pas être déclaré complet : pièces obligatoires non conformes ou non vérifiées : ${labels}.`);
    }
    setStatus(tx, dossier.id, { status: to, completedAt: now, deadlineAt: null });
    recordEvent(tx, {
      actor: { type: 'staff', user: staff },
      action: 'complete',
      dossierId: dossier.id,
      at: now,
      before: dossier.status,
      after: to,
      reason,
    });
    enqueueEmail(tx, {
      dossierId: dossier.id,
      to: recipientOf(tx, dossier),
      template: 'complete',
      data: { to: addresseeOf(dossier), numero: dossier.numero ?? '', completedAt: now },
      now,
    });
  });
}

/** Closes a file whose complement deadline has passed; the agent's button and the daily job both come here. */
export function closeIncomplete(deps: AppDeps, actor: Exclude<Actor, { type: 'applicant' }>, scope: SQL, dossierId: number, reason = '') {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const dossier = loadDossier(tx, scope, dossierId);
    const to = requireTransition(dossier, 'close_incomplete');
    const request = openComplementRequest(tx, dossier.id);
    if (!request || !isDeadlinePassed(request.deadlineAt, now)) {
      const deadline = request ? ` (échéance le ${formatParisDate(request.deadlineAt)})` : '';
      throw conflict(`Le dossier ne peut pas encore être clôturé : le délai de réponse de l’usager n’est pas dépassé${deadline}.`);
    }
    const missing = request.requestedPieces.map(({ code }) => ({ code, label: pieceDefinition(code).label }));
    setStatus(tx, dossier.id, { status: to, closedAt: now });
    recordEvent(tx, {
      actor,
      action: 'close_incomplete',
      dossierId: dossier.id,
      at: now,
      before: dossier.status,
      after: to,
      reason: reason || `Pièces jamais reçues : ${missing.map((p) => p.code).join(', ')}`,
    });
    enqueueEmail(tx, {
      dossierId: dossier.id,
      to: recipientOf(tx, dossier),
      template: 'closure',
      data: { to: addresseeOf(dossier), numero: dossier.numero ?? '', closedAt: now, missingPieces: missing },
      now,
    });
  });
}

export function closeByStaff(deps: AppDeps, staff: StaffUser, dossierId: number, reason = '') {
  assertCanDecide(staff);
  closeIncomplete(deps, { type: 'staff', user: staff }, staffDossierScope(staff), dossierId, reason);
}
