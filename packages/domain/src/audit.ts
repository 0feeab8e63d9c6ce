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
  remove_ephoto: 'Retrait du nouveau numéro e-photo',
  attach_received_file: 'Document reçu au guichet ou par courrier',
  submit_complements: 'Dépôt des compléments',
  complete: 'Dossier déclaré complet',
  close_incomplete: 'Clôture (incomplet)',
  assign: 'Affectation',
  deadline_started: 'Demande remise à l’usager : le délai court',
  correct_email: 'Correction de l’adresse électronique',
  resend_complement_request: 'Nouvel envoi de la demande de pièces',
  // Administration, without a dossier
  staff_create: 'Création d’un compte',
  staff_update: 'Changement de rôle ou de préfecture',
  staff_deactivate: 'Désactivation d’un compte',
  staff_reactivate: 'Réactivation d’un compte',
  staff_password_reset: 'Réinitialisation d’un mot de passe',
  prefecture_auto_close: 'Réglage de la clôture automatique',
} as const;
export type EventAction = keyof typeof EVENT_ACTION_LABELS;
export const EVENT_ACTIONS = Object.keys(EVENT_ACTION_LABELS) as [EventAction, ...EventAction[]];

export function isEventAction(value: string): value is EventAction {
  return Object.hasOwn(EVENT_ACTION_LABELS, value);
}
