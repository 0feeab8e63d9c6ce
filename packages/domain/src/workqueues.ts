import { DEPOSITED_STATUSES, type Status } from './statuses.js';

/** A sortable column of the dossier list (API field names). */
export const DOSSIER_SORT_FIELDS = [
  'id',
  'numero',
  'birth_name',
  'deposited_at',
  'deadline_at',
  'status',
  'implicit_decision_at',
  'last_answered_at',
  'prefecture_code',
] as const;
export type DossierSortField = (typeof DOSSIER_SORT_FIELDS)[number];
export type DossierSort = { field: DossierSortField; order: 'ASC' | 'DESC' };

/**
 * A tab of the agents' dossier list, declared as data and evaluated by the server with its own
 * clock: `filter={"queue":"overdue"}`. `deadline` narrows the statuses to complement deadlines
 * already passed (`overdue`) or still running (`running`).
 */
export type Workqueue = {
  slug: string;
  label: string;
  statuses: readonly Status[];
  defaultSort: DossierSort;
  deadline?: 'overdue' | 'running';
};

const oldestDeposit: DossierSort = { field: 'deposited_at', order: 'ASC' };
const nearestDeadline: DossierSort = { field: 'deadline_at', order: 'ASC' };
const latestDeposit: DossierSort = { field: 'deposited_at', order: 'DESC' };

/**
 * In the order a dossier moves through them; « Délai dépassé » is the overdue part of « Compléments demandés »;
 * « Tous », last, finds a dossier whatever its state.
 */
export const WORKQUEUES = [
  { slug: 'to_take', label: 'À traiter', statuses: ['deposee'], defaultSort: oldestDeposit },
  { slug: 'in_review', label: 'En examen', statuses: ['en_examen'], defaultSort: oldestDeposit },
  { slug: 'awaiting_complements', label: 'Compléments demandés', statuses: ['complement_demande'], defaultSort: nearestDeadline },
  { slug: 'overdue', label: 'Délai dépassé', statuses: ['complement_demande'], deadline: 'overdue', defaultSort: nearestDeadline },
  { slug: 'complements_received', label: 'Compléments reçus', statuses: ['complement_recu'], defaultSort: oldestDeposit },
  { slug: 'complete', label: 'Complets', statuses: ['complete'], defaultSort: oldestDeposit },
  { slug: 'closed', label: 'Clôturés', statuses: ['cloturee_incomplete'], defaultSort: oldestDeposit },
  { slug: 'all', label: 'Tous', statuses: DEPOSITED_STATUSES, defaultSort: latestDeposit },
] as const satisfies readonly Workqueue[];
export type WorkqueueSlug = (typeof WORKQUEUES)[number]['slug'];
export const WORKQUEUE_SLUGS = WORKQUEUES.map((queue) => queue.slug) as [WorkqueueSlug, ...WorkqueueSlug[]];

export const DEFAULT_WORKQUEUE: WorkqueueSlug = 'to_take';

export function findWorkqueue(slug: string): Workqueue | undefined {
  return WORKQUEUES.find((queue) => queue.slug === slug);
}
