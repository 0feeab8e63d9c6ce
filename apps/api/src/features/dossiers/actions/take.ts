import { actionReasonBodySchema } from '@em/contract';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { parseId } from '../../../http/react-admin.js';
import { validate } from '../../../http/validate.js';
import { recordEvent } from '../../audit/record.js';
import { staffDossierScope } from '../scope.js';
import { assertCanDecide, loadDossier, requireTransition, setStatus } from '../state.js';
import { answerDossier } from './answer.js';

/** « Prendre en charge »: the dossier becomes « en examen », assigned to the agent who took it. */
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

/** POST /api/dossiers/:id/take */
export const takeRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post('/:id/take', validate('json', actionReasonBodySchema), (c) => {
    const id = parseId(c.req.param('id'));
    takeDossier(deps, c.var.staff, id, c.req.valid('json').reason);
    return answerDossier(c, deps, id);
  });
