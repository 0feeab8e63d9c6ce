import type { Assignee, BulkResult } from '@em/contract';
import { type Db, schema } from '@em/db';
import { ASSIGNABLE_STATUSES, STATUS_LABELS, type Status } from '@em/domain';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { AppDeps, StaffUser } from '../../deps.js';
import { badRequest, conflict, HttpError } from '../../http/errors.js';
import { recordEvent } from '../audit/record.js';
import { closeByStaff } from '../dossiers/actions/close-incomplete.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { loadDossier, requireTransition, setStatus } from '../dossiers/state.js';

const { staffUsers, dossiers } = schema;

/** Whom a supervisor may give dossiers to: the active agents and supervisors of their préfecture. */
export function assigneesOf(db: Db, supervisor: StaffUser): Assignee[] {
  return db
    .select({ id: staffUsers.id, full_name: staffUsers.fullName, role: staffUsers.role })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.prefectureCode, supervisor.prefectureCode ?? '\u0000'),
        inArray(staffUsers.role, ['agent', 'superviseur']),
        isNull(staffUsers.deactivatedAt),
      ),
    )
    .orderBy(asc(staffUsers.fullName))
    .all();
}

/**
 * Runs one action per dossier, each in its own transaction: a refusal (409, 404…) is reported
 * with its French reason and the others go on. An unexpected error stops the run.
 */
function eachDossier(deps: AppDeps, scope: SQL, ids: number[], action: (id: number) => void): BulkResult {
  const result: BulkResult = { done: 0, refused: [] };
  for (const id of new Set(ids)) {
    try {
      action(id);
      result.done++;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const numero = deps.db
        .select({ numero: dossiers.numero })
        .from(dossiers)
        .where(and(scope, eq(dossiers.id, id)))
        .get()?.numero;
      result.refused.push({ id, numero: numero ?? null, message: error.message });
    }
  }
  return result;
}

/**
 * (Re)assigns dossiers still with the préfecture. A deposited one becomes « en examen » under its
 * assignee (domain §4: « agent takes it, or it is assigned »).
 */
export function assignDossiers(deps: AppDeps, supervisor: StaffUser, ids: number[], assigneeId: number): BulkResult {
  const assignee = assigneesOf(deps.db, supervisor).find((candidate) => candidate.id === assigneeId);
  if (!assignee) throw badRequest('Agent introuvable parmi les comptes actifs de votre préfecture.');
  const scope = staffDossierScope(supervisor);
  const now = deps.now();
  return eachDossier(deps, scope, ids, (id) =>
    deps.db.transaction((tx) => {
      const dossier = loadDossier(tx, scope, id);
      if (!(ASSIGNABLE_STATUSES as readonly Status[]).includes(dossier.status)) {
        throw conflict('Ce dossier n’est plus en cours d’instruction : il ne peut pas être réaffecté.');
      }
      if (dossier.assigneeId === assignee.id) return;
      const status = dossier.status === 'deposee' ? requireTransition(dossier, 'take') : dossier.status;
      const previous = dossier.assigneeId
        ? tx.select({ name: staffUsers.fullName }).from(staffUsers).where(eq(staffUsers.id, dossier.assigneeId)).get()?.name
        : null;
      setStatus(tx, dossier.id, { status, assigneeId: assignee.id });
      recordEvent(tx, {
        actor: { type: 'staff', user: supervisor },
        action: 'assign',
        dossierId: dossier.id,
        at: now,
        before: previous ?? 'Non affecté',
        after: assignee.full_name,
        reason: status !== dossier.status ? `Statut : « ${STATUS_LABELS[dossier.status]} » → « ${STATUS_LABELS[status]} »` : '',
      });
    }),
  );
}

/** Closes each selected dossier through the very action of the « Clôturer » button: same rule, same transaction. */
export function closeDossiers(deps: AppDeps, supervisor: StaffUser, ids: number[], reason: string): BulkResult {
  return eachDossier(deps, staffDossierScope(supervisor), ids, (id) => closeByStaff(deps, supervisor, id, reason));
}
