import { isStatus, PIECE_CATALOGUE, pieceLabel, REVIEW_LABELS, STATUS_LABELS } from '@em/domain';

/** Event actions in French words; an unknown action is shown as sent. */
export const EVENT_ACTION_LABELS: Record<string, string> = {
  create: 'Création de la demande',
  save_step: 'Enregistrement d’une étape',
  deposit: 'Dépôt de la demande',
  abandon: 'Abandon de la demande',
  take: 'Prise en charge',
  assign: 'Affectation',
  reassign: 'Réaffectation',
  review_piece: 'Vérification d’une pièce',
  request_complement: 'Demande de pièces complémentaires',
  upload_piece: 'Dépôt d’un fichier',
  add_file: 'Ajout d’un fichier',
  remove_file: 'Retrait d’un fichier',
  register_piece: 'Enregistrement d’une pièce reçue au guichet ou par courrier',
  submit_complements: 'Dépôt des compléments',
  complete: 'Dossier déclaré complet',
  close_incomplete: 'Clôture (incomplet)',
  auto_close: 'Clôture automatique (incomplet)',
  reminder: 'Relance envoyée',
  email_failed: 'Échec d’envoi d’un courriel',
};

export const eventActionLabel = (action: string): string => EVENT_ACTION_LABELS[action] ?? action;

/** `before` / `after` hold a dossier status, a piece review status, or free text (e.g. an agent's name). */
export function eventValueLabel(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (isStatus(value)) return STATUS_LABELS[value];
  if (value in REVIEW_LABELS) return REVIEW_LABELS[value as keyof typeof REVIEW_LABELS];
  return value;
}

export const ACTOR_ROLE_LABELS: Record<string, string> = {
  usager: 'usager',
  applicant: 'usager',
  agent: 'agent',
  superviseur: 'superviseur',
  admin: 'administration',
  system: 'automatique',
  systeme: 'automatique',
};

const PIECE_CODE_PATTERN = new RegExp(`\\b(${PIECE_CATALOGUE.map((piece) => piece.code).join('|')})\\b`, 'g');

/** Reasons name pieces by code (« JUSTIFICATIF_IDENTITE : … »): show their labels instead. */
export function eventReasonText(reason: string): string {
  return reason.replace(PIECE_CODE_PATTERN, pieceLabel);
}
