import { isStatus, PIECE_CODES, pieceLabel, REVIEW_LABELS, STATUS_LABELS } from '@em/domain';

/** `before` / `after` hold a dossier status, a piece review status, or free text (e.g. an agent's name). */
export function eventValueLabel(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (isStatus(value)) return STATUS_LABELS[value];
  if (value in REVIEW_LABELS) return REVIEW_LABELS[value as keyof typeof REVIEW_LABELS];
  return value;
}

const PIECE_CODE_PATTERN = new RegExp(`\\b(${PIECE_CODES.join('|')})\\b`, 'g');

/** Reasons name pieces by code (« JUSTIFICATIF_IDENTITE : … »): show their labels instead. */
export function eventReasonText(reason: string): string {
  return reason.replace(PIECE_CODE_PATTERN, pieceLabel);
}
