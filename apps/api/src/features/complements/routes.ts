import { REVIEW_STATUSES } from '@em/domain';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.js';
import { parseId } from '../../http/react-admin.js';
import { parseBody } from '../../http/validate.js';
import { findDossier } from '../dossiers/queries.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { findPiece } from '../pieces/queries.js';
import { closeByStaff, declareComplete, previewComplementRequest, requestComplements, reviewPiece, takeDossier } from './service.js';

const reasonSchema = z.object({ reason: z.string().max(2000, 'Motif : 2000 caractères au plus.').optional().default('') });
const reviewSchema = z.object({
  review_status: z.enum(REVIEW_STATUSES, { error: 'Statut de vérification invalide.' }),
  review_message: z.string().max(1000, 'Message : 1000 caractères au plus.').optional().default(''),
});

async function optionalJson(c: { req: { text(): Promise<string> } }) {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The agent's workflow buttons on a dossier; mounted inside the staff-only dossiers router. */
export function registerDossierActions(app: Hono<AppEnv>, deps: AppDeps) {
  const answer = (c: Context<AppEnv>, id: number) => c.json(findDossier(deps.db, staffDossierScope(c.var.staff), id, deps.now()));

  app.post('/:id/take', async (c) => {
    const id = parseId(c.req.param('id'));
    takeDossier(deps, c.var.staff, id, parseBody(reasonSchema, await optionalJson(c)).reason);
    return answer(c, id);
  });

  app.get('/:id/complement-request/preview', (c) => c.json(previewComplementRequest(deps, c.var.staff, parseId(c.req.param('id')))));

  app.post('/:id/complement-request', (c) => {
    const id = parseId(c.req.param('id'));
    requestComplements(deps, c.var.staff, id);
    return answer(c, id);
  });

  app.post('/:id/complete', async (c) => {
    const id = parseId(c.req.param('id'));
    declareComplete(deps, c.var.staff, id, parseBody(reasonSchema, await optionalJson(c)).reason);
    return answer(c, id);
  });

  app.post('/:id/close', async (c) => {
    const id = parseId(c.req.param('id'));
    closeByStaff(deps, c.var.staff, id, parseBody(reasonSchema, await optionalJson(c)).reason);
    return answer(c, id);
  });
}

/** `PUT /api/pieces/:id` with review_status and review_message, as react-admin's update sends it. */
export function registerPieceReview(app: Hono<AppEnv>, deps: AppDeps) {
  app.put('/:id', async (c) => {
    const id = parseId(c.req.param('id'));
    const body = parseBody(reviewSchema, await c.req.json().catch(() => null));
    reviewPiece(deps, c.var.staff, id, body.review_status, body.review_message);
    return c.json(findPiece(deps.db, staffDossierScope(c.var.staff), id));
  });
}
