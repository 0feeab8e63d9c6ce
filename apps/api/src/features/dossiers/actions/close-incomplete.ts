import { actionReasonBodySchema } from '@em/contract';
import { formatParisDate, isDeadlinePassed, pieceDefinition } from '@em/domain';
import type { SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { conflict } from '../../../http/errors.js';
import { parseId } from '../../../http/react-admin.js';
import { validate } from '../../../http/validate.js';
import { type Actor, recordEvent } from '../../audit/record.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { staffDossierScope } from '../scope.js';
import { addresseeOf, assertCanDecide, loadDossier, openComplementRequest, recipientOf, requireTransition, setStatus } from '../state.js';
import { answerDossier } from './answer.js';

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
      data: {
        to: addresseeOf(dossier),
        numero: dossier.numero ?? '',
        closedAt: now,
        missingPieces: missing,
        portalUrl: deps.config.publicUrl,
      },
      now,
    });
  });
}

/** « Clôturer le dossier (incomplet) » by a staff member of the dossier's préfecture. */
export function closeByStaff(deps: AppDeps, staff: StaffUser, dossierId: number, reason = '') {
  assertCanDecide(staff);
  closeIncomplete(deps, { type: 'staff', user: staff }, staffDossierScope(staff), dossierId, reason);
}

/** POST /api/dossiers/:id/close */
export const closeIncompleteRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post('/:id/close', validate('json', actionReasonBodySchema), (c) => {
    const id = parseId(c.req.param('id'));
    closeByStaff(deps, c.var.staff, id, c.req.valid('json').reason);
    return answerDossier(c, deps, id);
  });
