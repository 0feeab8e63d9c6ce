import { actionReasonBodySchema, pieceReviewBodySchema } from '@em/contract';
import type { Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { parseId } from '../../http/react-admin.js';
import { validate } from '../../http/validate.js';
import { findDossier } from '../dossiers/queries.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { findPiece } from '../pieces/queries.js';
import { closeByStaff, declareComplete, previewComplementRequest, requestComplements, reviewPiece, takeDossier } from './service.js';

/** The agent's workflow buttons on a dossier; mounted inside the staff-only dossiers router. */
export function registerDossierActions(app: Hono<AppEnv>, deps: AppDeps) {
  const answer = (c: Context<AppEnv>, id: number) => c.json(findDossier(deps.db, staffDossierScope(c.var.staff), id, deps.now()));
  const reason = validate('json', actionReasonBodySchema);

  app.post('/:id/take', reason, (c) => {
    const id = parseId(c.req.param('id'));
    takeDossier(deps, c.var.staff, id, c.req.valid('json').reason);
    return answer(c, id);
  });

  app.get('/:id/complement-request/preview', (c) => c.json(previewComplementRequest(deps, c.var.staff, parseId(c.req.param('id')))));

  app.post('/:id/complement-request', (c) => {
    const id = parseId(c.req.param('id'));
    requestComplements(deps, c.var.staff, id);
    return answer(c, id);
  });

  app.post('/:id/complete', reason, (c) => {
    const id = parseId(c.req.param('id'));
    declareComplete(deps, c.var.staff, id, c.req.valid('json').reason);
    return answer(c, id);
  });

  app.post('/:id/close', reason, (c) => {
    const id = parseId(c.req.param('id'));
    closeByStaff(deps, c.var.staff, id, c.req.valid('json').reason);
    return answer(c, id);
  });
}

/** `PUT /api/pieces/:id` with review_status and review_message, as react-admin's update sends it. */
export function registerPieceReview(app: Hono<AppEnv>, deps: AppDeps) {
  app.put('/:id', validate('json', pieceReviewBodySchema), (c) => {
    const id = parseId(c.req.param('id'));
    const body = c.req.valid('json');
    reviewPiece(deps, c.var.staff, id, body.review_status, body.review_message);
    return c.json(findPiece(deps.db, staffDossierScope(c.var.staff), id));
  });
}
