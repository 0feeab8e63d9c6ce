import { actionReasonBodySchema } from '@em/contract';
import { pieceDefinition } from '@em/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { conflict } from '../../../http/errors.js';
import { parseId } from '../../../http/react-admin.js';
import { validate } from '../../../http/validate.js';
import { recordEvent } from '../../audit/record.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { staffDossierScope } from '../scope.js';
import { addresseeOf, assertCanDecide, loadDossier, piecesOf, recipientOf, requireTransition, setStatus } from '../state.js';
import { answerDossier } from './answer.js';

/** « Déclarer le dossier complet »: only when every required piece is conforming; the applicant is told by e-mail. */
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

/** POST /api/dossiers/:id/complete */
export const declareCompleteRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post('/:id/complete', validate('json', actionReasonBodySchema), (c) => {
    const id = parseId(c.req.param('id'));
    declareComplete(deps, c.var.staff, id, c.req.valid('json').reason);
    return answerDossier(c, deps, id);
  });
