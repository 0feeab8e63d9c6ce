/**
 * Every action the audit trail records, with its French label. `recordEvent` only takes these:
 * a new kind of event is added here first, and the console shows its label at once.
 */
export const EVENT_ACTION_LABELS = {
  deposit: 'Dépôt de la demande',
  abandon: 'Abandon de la demande',
  take: 'Prise en charge',
  review_piece: 'Vérification d’une pièce',
  request_complement: 'Demande de pièces complémentaires',
  reminder: 'Relance envoyée',
  add_file: 'Ajout d’un fichier',
  remove_file: 'Retrait d’un fichier',
  replace_ephoto: 'Nouveau numéro e-photo',
  submit_complements: 'Dépôt des compléments',
  complete: 'Dossier déclaré complet',
  close_incomplete: 'Clôture (incomplet)',
} as const;
export type EventAction = keyof typeof EVENT_ACTION_LABELS;
export const EVENT_ACTIONS = Object.keys(EVENT_ACTION_LABELS) as [EventAction, ...EventAction[]];

export function isEventAction(value: string): value is EventAction {
  return Object.hasOwn(EVENT_ACTION_LABELS, value);
}
