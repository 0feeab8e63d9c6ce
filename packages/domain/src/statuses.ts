export const STATUSES = [
  'brouillon',
  'deposee',
  'en_examen',
  'complement_demande',
  'complement_recu',
  'complete',
  'cloturee_incomplete',
  'abandonnee',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS = {
  brouillon: 'Brouillon',
  deposee: 'À traiter',
  en_examen: 'En examen',
  complement_demande: 'Compléments demandés',
  complement_recu: 'Compléments reçus',
  complete: 'Complet',
  cloturee_incomplete: 'Clôturé (incomplet)',
  abandonnee: 'Abandonné',
} as const satisfies Record<Status, string>;

export const ACTIONS = ['deposit', 'abandon', 'take', 'request_complement', 'submit_complements', 'complete', 'close_incomplete'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The one table of what may happen to a dossier in each state, and where it leads.
 * The API refuses anything not listed here (409); the console reads it to show buttons.
 */
export const TRANSITIONS = {
  brouillon: { deposit: 'deposee', abandon: 'abandonnee' },
  deposee: { take: 'en_examen' },
  en_examen: { request_complement: 'complement_demande', complete: 'complete' },
  complement_demande: { submit_complements: 'complement_recu', close_incomplete: 'cloturee_incomplete' },
  complement_recu: { request_complement: 'complement_demande', complete: 'complete' },
  complete: {},
  cloturee_incomplete: {},
  abandonnee: {},
} as const satisfies Record<Status, Partial<Record<Action, Status>>>;

export const ACTION_LABELS = {
  deposit: 'Déposer la demande',
  abandon: 'Abandonner la demande',
  take: 'Prendre en charge',
  request_complement: 'Demander des pièces complémentaires',
  submit_complements: 'Déposer les compléments',
  complete: 'Déclarer le dossier complet',
  close_incomplete: 'Clôturer le dossier (incomplet)',
} as const satisfies Record<Action, string>;

export function allowedActions(status: Status): Action[] {
  return Object.keys(TRANSITIONS[status]) as Action[];
}

export type TransitionResult = { ok: true; to: Status } | { ok: false; message: string };

export function transition(status: Status, action: Action): TransitionResult {
  const to = (TRANSITIONS[status] as Partial<Record<Action, Status>>)[action];
  if (to) return { ok: true, to };
  return {
    ok: false,
    message: `Action « ${ACTION_LABELS[action]} » impossible : le dossier est au statut « ${STATUS_LABELS[status]} ».`,
  };
}

/** Drafts and abandoned drafts belong to the applicant alone: no staff member ever sees them. */
export const NEVER_DEPOSITED_STATUSES = ['brouillon', 'abandonnee'] as const satisfies readonly Status[];

/** Every state a dossier reaches once deposited: what an agent may look up, never a draft. */
export const DEPOSITED_STATUSES = STATUSES.filter((status) => !(NEVER_DEPOSITED_STATUSES as readonly Status[]).includes(status));

/** States in which an agent gives a verdict on the pieces: once taken, and again when complements came in. */
export const REVIEWABLE_STATUSES = ['en_examen', 'complement_recu'] as const satisfies readonly Status[];

export function canReviewPieces(status: Status): boolean {
  return (REVIEWABLE_STATUSES as readonly Status[]).includes(status);
}

export const NOT_REVIEWABLE_MESSAGE =
  "Les pièces ne peuvent être vérifiées que sur un dossier en examen ou dont les compléments ont été reçus. Prenez d'abord le dossier en charge.";

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** The same states in the applicant's words (the portal), where the agents' workqueue names would puzzle. */
export const APPLICANT_STATUS_LABELS = {
  brouillon: 'Demande en cours de saisie',
  deposee: 'Demande transmise, en attente d’examen',
  en_examen: 'Demande en cours d’examen',
  complement_demande: 'Pièces complémentaires demandées',
  complement_recu: 'Compléments transmis, en cours d’examen',
  complete: 'Dossier complet',
  cloturee_incomplete: 'Dossier clôturé (incomplet)',
  abandonnee: 'Demande abandonnée',
} as const satisfies Record<Status, string>;
