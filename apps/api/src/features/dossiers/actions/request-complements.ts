import type { ComplementPreview } from '@em/contract';
import { type Db, schema, type Tx } from '@em/db';
import { complementDeadline, formatParisDate, isFlaggedReview, type RequestedPiece, sortByCatalogue } from '@em/domain';
import { renderEmail } from '@em/mail';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { conflict } from '../../../http/errors.js';
import { parseId } from '../../../http/react-admin.js';
import { recordEvent } from '../../audit/record.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { staffDossierScope } from '../scope.js';
import {
  addresseeOf,
  assertCanDecide,
  type DossierRow,
  loadDossier,
  piecesOf,
  recipientOf,
  requireTransition,
  resumeUrl,
  setStatus,
} from '../state.js';
import { answerDossier } from './answer.js';

/**
 * What a complement request sent now would hold: the flagged pieces in catalogue order, the
 * deadline and the e-mail's data. The preview and the sending both use it, so the agent reads the
 * very e-mail that leaves.
 */
function complementRequestDraft(deps: AppDeps, tx: Db | Tx, dossier: DossierRow, now: Date) {
  const requested: RequestedPiece[] = sortByCatalogue(piecesOf(tx, dossier.id)).flatMap((p) =>
    isFlaggedReview(p.reviewStatus) ? [{ code: p.code, reviewStatus: p.reviewStatus, message: p.reviewMessage }] : [],
  );
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

/** « Demander des pièces complémentaires »: the request, the state, the event and the e-mail, in one transaction. */
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
    enqueueEmail(tx, { dossierId: dossier.id, to: recipientOf(tx, dossier), template: 'complement_request', data: email, now });
    return request;
  });
}

/** GET /api/dossiers/:id/complement-request/preview and POST /api/dossiers/:id/complement-request */
export const requestComplementsRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/:id/complement-request/preview', (c) => c.json(previewComplementRequest(deps, c.var.staff, parseId(c.req.param('id')))))
    .post('/:id/complement-request', (c) => {
      const id = parseId(c.req.param('id'));
      requestComplements(deps, c.var.staff, id);
      return answerDossier(c, deps, id);
    });
