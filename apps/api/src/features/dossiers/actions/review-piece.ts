import { pieceReviewBodySchema } from '@em/contract';
import { schema } from '@em/db';
import { canReviewPieces, isFlaggedReview, NOT_REVIEWABLE_MESSAGE, type ReviewVerdict, verdictRefusal } from '@em/domain';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { badRequest, conflict } from '../../../http/errors.js';
import { parseId } from '../../../http/react-admin.js';
import { validate } from '../../../http/validate.js';
import { recordEvent } from '../../audit/record.js';
import { findPiece } from '../../pieces/queries.js';
import { staffDossierScope } from '../scope.js';
import { assertCanDecide, loadDossier } from '../state.js';

/** The agent's verdict on one piece; a flag carries the message the applicant will read in the complement request. */
export function reviewPiece(deps: AppDeps, staff: StaffUser, pieceId: number, verdict: ReviewVerdict, message: string) {
  assertCanDecide(staff);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const piece = tx.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
    // An unknown piece and another préfecture's piece get the same 404.
    const dossier = loadDossier(tx, staffDossierScope(staff), piece?.dossierId ?? -1);
    const { code, reviewStatus: before } = piece!;
    const refusal = verdictRefusal(code, verdict);
    if (refusal) throw badRequest(refusal);
    if (!canReviewPieces(dossier.status)) throw conflict(NOT_REVIEWABLE_MESSAGE);
    const flagged = isFlaggedReview(verdict);
    if (flagged && !message.trim()) throw conflict('Indiquez un message pour l’usager : il le lira dans la demande de pièces.');
    tx.update(schema.pieces)
      .set({ reviewStatus: verdict, reviewMessage: flagged ? message.trim() : '', reviewedById: staff.id, reviewedAt: now })
      .where(eq(schema.pieces.id, pieceId))
      .run();
    recordEvent(tx, {
      actor: { type: 'staff', user: staff },
      action: 'review_piece',
      dossierId: dossier.id,
      at: now,
      before,
      after: verdict,
      piece: code,
      reason: message.trim(),
    });
  });
}

/** PUT /api/pieces/:id with review_status and review_message, as react-admin's update sends it; mounted by the pieces router. */
export const reviewPieceRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().put('/:id', validate('json', pieceReviewBodySchema), (c) => {
    const id = parseId(c.req.param('id'));
    const body = c.req.valid('json');
    reviewPiece(deps, c.var.staff, id, body.review_status, body.review_message);
    return c.json(findPiece(deps.db, staffDossierScope(c.var.staff), id));
  });
