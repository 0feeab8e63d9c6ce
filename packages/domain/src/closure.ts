import type { EmailStatus } from './emails.js';
import { formatParisDate } from './paris-time.js';
import { type PieceCode, pieceDefinition } from './pieces.js';
import { type Status, transition } from './statuses.js';

export type ClosureCase = {
  status: Status;
  /** The running deadline of the request in progress: null until its e-mail was accepted for delivery. */
  deadlineAt: Date | null;
  /** The delivery state of the e-mail that carries the request in progress (null: none); only 'sent' means it reached the provider. */
  requestEmail: EmailStatus | null;
  /** Every requested piece has its answer in this round (joined online or at the counter), deposited or not. */
  answered?: boolean;
};

export type ClosureCheck = { ok: true } | { ok: false; reason: 'status' | 'undelivered' | 'deadline' | 'answered'; message: string };

/**
 * Whether a dossier may be closed as incomplete now (domain §4 and §5): only from « Compléments
 * demandés », only once the applicant was really sent the request, only after their deadline, and
 * never when every requested piece came (the applicant only forgot « Déposer les compléments »).
 * The agent's button, the supervisor's bulk close and the daily job all ask this one rule.
 */
export function checkClosure(c: ClosureCase, now: Date): ClosureCheck {
  const allowed = transition(c.status, 'close_incomplete');
  if (!allowed.ok) return { ok: false, reason: 'status', message: allowed.message };
  if (c.requestEmail !== 'sent') {
    const why =
      c.requestEmail === 'queued' || c.requestEmail === null
        ? 'le courriel de demande de pièces n’a pas encore été envoyé à l’usager'
        : `le courriel de demande de pièces n’a pas été remis à l’usager (${c.requestEmail === 'bounced' ? 'rejeté' : 'échec d’envoi'})`;
    return {
      ok: false,
      reason: 'undelivered',
      message: `Le dossier ne peut pas être clôturé : ${why}, son délai ne court pas. Corrigez si besoin son adresse et renvoyez la demande.`,
    };
  }
  if (c.deadlineAt === null || now.getTime() <= c.deadlineAt.getTime()) {
    const deadline = c.deadlineAt ? ` (échéance le ${formatParisDate(c.deadlineAt)})` : '';
    return {
      ok: false,
      reason: 'deadline',
      message: `Le dossier ne peut pas encore être clôturé : le délai de réponse de l’usager n’est pas dépassé${deadline}.`,
    };
  }
  if (c.answered) {
    return {
      ok: false,
      reason: 'answered',
      message:
        'Le dossier ne peut pas être clôturé comme incomplet : l’usager a joint toutes les pièces demandées avant l’échéance, sans cliquer « Déposer les compléments ». La tâche des échéances les enregistre comme reçues dans les dix minutes.',
    };
  }
  return { ok: true };
}

/** What a closed dossier says, to the agent and to the applicant: the pieces that never came. */
export function closureReason(missing: readonly PieceCode[]): string {
  return `Pièces demandées non reçues dans le délai : ${missing.map((code) => pieceDefinition(code).label).join(', ')}.`;
}
