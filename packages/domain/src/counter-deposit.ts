import { formatParisDate, isoDay, parisDay } from './paris-time.js';
import type { Status } from './statuses.js';

/**
 * A justificatif the applicant handed in at the préfecture's counter or sent by post (CESEDA R431-2:
 * another channel when the online one fails), attached to the piece by an agent on their behalf.
 */
export const RECEIPT_CHANNELS = ['guichet', 'courrier'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

export const RECEIPT_CHANNEL_LABELS = {
  guichet: 'Remis au guichet',
  courrier: 'Reçu par courrier',
} as const satisfies Record<ReceiptChannel, string>;

/** While the préfecture examines the file, before its decision: not before it was taken, never once complete or closed. */
export const COUNTER_DEPOSIT_STATUSES = ['en_examen', 'complement_demande', 'complement_recu'] as const satisfies readonly Status[];

export function canAttachForApplicant(status: Status): boolean {
  return (COUNTER_DEPOSIT_STATUSES as readonly Status[]).includes(status);
}

export const NO_COUNTER_DEPOSIT_MESSAGE =
  "Un document reçu au guichet ou par courrier ne peut être joint qu'à un dossier en examen, en attente de compléments ou dont les compléments ont été reçus. Prenez d'abord le dossier en charge.";

/**
 * Why a date of receipt (a Paris calendar day, AAAA-MM-JJ) cannot be right, or null: it is neither
 * in the future nor before the deposit of the request.
 */
export function receiptDateRefusal(receivedOn: string, depositedAt: Date, now: Date): string | null {
  if (receivedOn > isoDay(parisDay(now))) return 'La date de réception ne peut pas être dans le futur.';
  if (receivedOn < isoDay(parisDay(depositedAt)))
    return `La date de réception ne peut pas précéder le dépôt de la demande (le ${formatParisDate(depositedAt)}).`;
  return null;
}

/** Received after the last day of a running complement deadline (the day of receipt counts, not the day it was recorded). */
export function isReceivedLate(receivedOn: string, deadlineAt: Date | null): boolean {
  return deadlineAt !== null && receivedOn > isoDay(parisDay(deadlineAt));
}

/** An instant of the Paris day of receipt (its midday), where a date is stored: the day is what counts. */
export function receiptDayInstant(receivedOn: string): Date {
  return new Date(`${receivedOn}T12:00:00Z`);
}
