import { isDeadlinePassed } from './deadline.js';
import { type Action, allowedActions, type Status } from './statuses.js';

/** The transitions a staff member triggers from the console; the others belong to the applicant. */
export const STAFF_ACTIONS = ['take', 'request_complement', 'complete', 'close_incomplete'] as const satisfies readonly Action[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** What decides the staff actions of a dossier besides its status. */
export type DossierClock = { status: Status; deadlineAt: Date | null };

/** Complements were asked for and the applicant's deadline has passed without an answer. */
export function isComplementOverdue(dossier: DossierClock, now: Date): boolean {
  return dossier.status === 'complement_demande' && dossier.deadlineAt !== null && isDeadlinePassed(dossier.deadlineAt, now);
}

/**
 * The buttons the console offers on a dossier at `now`: the moves the status table allows to
 * staff, closing only once the applicant's deadline has passed.
 */
export function staffActions(dossier: DossierClock, now: Date): StaffAction[] {
  return allowedActions(dossier.status).filter(
    (action): action is StaffAction =>
      (STAFF_ACTIONS as readonly Action[]).includes(action) && (action !== 'close_incomplete' || isComplementOverdue(dossier, now)),
  );
}
