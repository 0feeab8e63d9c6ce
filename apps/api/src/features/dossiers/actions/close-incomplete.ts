import { actionReasonBodySchema } from '@em/contract';
import { type ClosureCheck, checkClosure, closureReason, pieceDefinition } from '@em/domain';
import type { SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { HttpError } from '../../../http/errors.js';
import { parseId } from '../../../http/react-admin.js';
import { validate } from '../../../http/validate.js';
import { type Actor, recordEvent } from '../../audit/record.js';
import { refreshImplicitDecision } from '../../deadlines/implicit-decision.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { requestedPieces } from '../complements-received.js';
import { staffDossierScope } from '../scope.js';
import { addresseeOf, assertCanDecide, loadDossier, openComplementRequest, recipientOf, requireTransition, setStatus } from '../state.js';
import { answerDossier } from './answer.js';

/** A 409 that says which precondition of the closure failed (the daily job lists the undelivered ones). */
export class ClosureRefused extends HttpError {
  constructor(
    readonly reason: Exclude<ClosureCheck, { ok: true }>['reason'],
    message: string,
  ) {
    super(409, message);
  }
}

/**
 * Closes a file as incomplete, only when checkClosure allows it: deadline passed on a request the
 * applicant was really sent. The agent's button, the supervisor's bulk closing and the daily job
 * all come here; one transaction each (state, reason, event, closure e-mail).
 */
export function closeIncomplete(deps: AppDeps, actor: Exclude<Actor, { type: 'applicant' }>, scope: SQL, dossierId: number, reason = '') {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const dossier = loadDossier(tx, scope, dossierId);
    const request = openComplementRequest(tx, dossier.id);
    const check = checkClosure(
      {
        status: dossier.status,
        deadlineAt: dossier.deadlineAt,
        requestEmail: dossier.requestEmailStatus,
        answered: request !== null && requestedPieces(tx, dossier.id, request).unanswered.length === 0,
      },
      now,
    );
    if (!check.ok) throw new ClosureRefused(check.reason, check.message);
    const to = requireTransition(dossier, 'close_incomplete');
    const missing = (request?.requestedPieces ?? []).map(({ code }) => ({ code, label: pieceDefinition(code).label }));
    setStatus(tx, dossier.id, { status: to, closedAt: now, closureReason: closureReason(missing.map((p) => p.code)) });
    refreshImplicitDecision(tx, dossier.id);
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
