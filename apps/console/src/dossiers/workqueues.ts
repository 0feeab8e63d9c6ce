import { type Status, STATUS_LABELS } from '@em/domain';

export type Workqueue = { status: Status; label: string };

/** The list tabs, in the order a dossier moves through them. */
export const WORKQUEUES: readonly Workqueue[] = [
  { status: 'deposee', label: 'À traiter' },
  { status: 'en_examen', label: 'En examen' },
  { status: 'complement_demande', label: 'Compléments demandés' },
  { status: 'complement_recu', label: 'Compléments reçus' },
  { status: 'complete', label: 'Complets' },
  { status: 'cloturee_incomplete', label: 'Clôturés' },
];

export const DEFAULT_WORKQUEUE: Status = 'deposee';

export const workqueueLabel = (status: Status): string =>
  WORKQUEUES.find((queue) => queue.status === status)?.label ?? STATUS_LABELS[status];
