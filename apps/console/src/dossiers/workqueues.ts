import type { Status } from '@em/domain';

/**
 * The list tabs, declared as data: a key, a label and the list filter they set. `now` (ISO) is
 * fixed when the list is shown, so that a tab's filter, hence its query, stays stable.
 */
export type Workqueue = { key: string; label: string; filter: (now: string) => Record<string, unknown> };

const byStatus = (status: Status, label: string): Workqueue => ({ key: status, label, filter: () => ({ status }) });

/** In the order a dossier moves through them; « Délai dépassé » is the part of « Compléments demandés » overdue. */
export const WORKQUEUES: readonly Workqueue[] = [
  byStatus('deposee', 'À traiter'),
  byStatus('en_examen', 'En examen'),
  byStatus('complement_demande', 'Compléments demandés'),
  { key: 'delai_depasse', label: 'Délai dépassé', filter: (now) => ({ status: 'complement_demande', deadline_lte: now }) },
  byStatus('complement_recu', 'Compléments reçus'),
  byStatus('complete', 'Complets'),
  byStatus('cloturee_incomplete', 'Clôturés'),
];

export const DEFAULT_WORKQUEUE: Status = 'deposee';

/** The filter keys the tabs own; the others (search) are kept when switching tabs. */
export const WORKQUEUE_FILTER_KEYS = ['status', 'deadline_lte'] as const;

/** The tab a list filter corresponds to, if any. */
export function currentWorkqueue(filter: Record<string, unknown>): string | false {
  if (filter.status === 'complement_demande' && filter.deadline_lte) return 'delai_depasse';
  const queue = WORKQUEUES.find((candidate) => candidate.key === filter.status);
  return queue ? queue.key : false;
}
