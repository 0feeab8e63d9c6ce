import { schema } from '@em/db';
import { formatParisDate, REMINDER_DAYS_BEFORE_DEADLINE, reminderDueAt } from '@em/domain';
import { and, eq, exists, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../http/errors.js';
import { recordEvent } from '../audit/record.js';
import { ClosureRefused, closeIncomplete } from '../dossiers/actions/close-incomplete.js';
import { recordComplementsReceived, requestedPieces, roundTiming } from '../dossiers/complements-received.js';
import { addresseeOf, loadDossier, openComplementRequest, recipientOf, resumeUrl } from '../dossiers/state.js';
import { enqueueEmail } from '../mail/outbox.js';

const SYSTEM = { type: 'system' } as const;

/** Reminds applicants five days before their deadline when nothing was deposited; once per request. */
export function sendDueReminders(deps: AppDeps): number {
  const now = deps.now();
  const open = deps.db
    .select({ request: schema.complementRequests })
    .from(schema.complementRequests)
    .innerJoin(schema.dossiers, eq(schema.dossiers.id, schema.complementRequests.dossierId))
    .where(
      and(
        isNull(schema.complementRequests.answeredAt),
        isNull(schema.complementRequests.reminderSentAt),
        eq(schema.dossiers.status, 'complement_demande'),
        // A running deadline only: the request's e-mail reached the applicant (a reminder would not either otherwise).
        eq(schema.dossiers.requestEmailStatus, 'sent'),
        gt(schema.complementRequests.deadlineAt, now),
        // Only deadlines within the reminder window; the exact Paris day is checked below.
        lte(schema.complementRequests.deadlineAt, new Date(now.getTime() + (REMINDER_DAYS_BEFORE_DEADLINE + 2) * 24 * 3600 * 1000)),
      ),
    )
    .all();
  let sent = 0;
  for (const { request } of open) {
    if (now < reminderDueAt(request.deadlineAt)) continue;
    deps.db.transaction((tx) => {
      const dossier = loadDossier(tx, eq(schema.dossiers.status, 'complement_demande'), request.dossierId);
      tx.update(schema.complementRequests).set({ reminderSentAt: now }).where(eq(schema.complementRequests.id, request.id)).run();
      recordEvent(tx, {
        actor: SYSTEM,
        action: 'reminder',
        dossierId: dossier.id,
        at: now,
        reason: `Échéance le ${formatParisDate(request.deadlineAt)}`,
      });
      enqueueEmail(tx, {
        dossierId: dossier.id,
        to: recipientOf(tx, dossier),
        template: 'reminder',
        data: {
          to: addresseeOf(dossier),
          numero: dossier.numero ?? '',
          deadline: request.deadlineAt,
          pieces: request.requestedPieces,
          resumeUrl: resumeUrl(deps),
        },
        now,
      });
    });
    sent++;
  }
  return sent;
}

/**
 * Requests past their deadline whose every piece the applicant joined in time, without clicking
 * « Déposer les compléments »: recorded as answered on their behalf, in every préfecture (whether it
 * closes automatically or not), so that no one closes as incomplete a dossier whose pieces all came.
 */
export function recordAnsweredRequests(deps: AppDeps): number {
  const now = deps.now();
  const requests = schema.complementRequests;
  // The open requests past their announced deadline (an index range) with at least one document
  // sent in answer (the others cannot be complete), found before their dossiers are read: reading
  // the dossier of each of the 116,670 open requests past their deadline at a million took 0.7–0.9 s,
  // this 0.07 s.
  const answeredSomething = deps.db
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        isNull(requests.answeredAt),
        lte(requests.deadlineAt, now),
        exists(deps.db.select({ one: sql`1` }).from(schema.files).where(eq(schema.files.complementRequestId, requests.id))),
      ),
    );
  const candidates = deps.db
    .select({ dossierId: requests.dossierId })
    .from(requests)
    .innerJoin(schema.dossiers, eq(schema.dossiers.id, requests.dossierId))
    .where(
      and(
        inArray(requests.id, answeredSomething),
        // Then the running deadline: a request sent again runs from its new sending.
        eq(schema.dossiers.status, 'complement_demande'),
        lte(schema.dossiers.deadlineAt, now),
      ),
    )
    .all();
  let recorded = 0;
  for (const { dossierId } of candidates) {
    deps.db.transaction((tx) => {
      const dossier = loadDossier(tx, eq(schema.dossiers.status, 'complement_demande'), dossierId);
      const request = openComplementRequest(tx, dossier.id);
      if (!request) return;
      const { pieces, unanswered } = requestedPieces(tx, dossier.id, request);
      if (unanswered.length > 0) return;
      const round = roundTiming(tx, request);
      recordComplementsReceived(deps, tx, {
        dossier,
        request,
        pieces,
        actor: SYSTEM,
        // When the last document came, not when this job noticed it.
        receivedAt: round.lastAt ?? now,
        late: round.late,
        how: 'toutes les pièces jointes avant l’échéance, « Déposer les compléments » jamais cliqué',
      });
      recorded++;
    });
  }
  return recorded;
}

export type AutomaticClosures = {
  closed: number;
  /** Deadline passed but never closable: the request's e-mail did not reach the applicant. Listed for the supervisors. */
  skipped: { id: number; numero: string | null; message: string }[];
};

/**
 * The daily closure, only in préfectures that switched it on; the others close by hand. Each
 * dossier whose request is past its deadline goes through the one closure rule: a request whose
 * e-mail was never delivered is skipped, and listed, never closed.
 */
export function closeExpiredDossiers(deps: AppDeps): AutomaticClosures {
  const now = deps.now();
  // Until a supervisor switches it on, no préfecture closes automatically: the open requests past
  // their deadline need not be read (116,670 at a million, each with its dossier: 0.65 s a run).
  const closing = deps.db
    .select({ code: schema.prefectures.code })
    .from(schema.prefectures)
    .where(eq(schema.prefectures.autoCloseExpired, true))
    .get();
  if (!closing) return { closed: 0, skipped: [] };
  const expired = deps.db
    .select({ id: schema.dossiers.id, numero: schema.dossiers.numero })
    .from(schema.dossiers)
    .innerJoin(schema.prefectures, eq(schema.prefectures.code, schema.dossiers.prefectureCode))
    .innerJoin(
      schema.complementRequests,
      and(eq(schema.complementRequests.dossierId, schema.dossiers.id), isNull(schema.complementRequests.answeredAt)),
    )
    .where(
      and(
        eq(schema.prefectures.autoCloseExpired, true),
        eq(schema.dossiers.status, 'complement_demande'),
        // The request's deadline, running or as announced: an undelivered one is found, then skipped.
        lte(schema.complementRequests.deadlineAt, now),
      ),
    )
    .all();
  const result: AutomaticClosures = { closed: 0, skipped: [] };
  for (const { id, numero } of expired) {
    try {
      closeIncomplete(deps, SYSTEM, eq(schema.dossiers.id, id), id, 'Clôture automatique : délai de réponse dépassé');
      result.closed++;
    } catch (error) {
      if (error instanceof ClosureRefused && error.reason === 'undelivered') result.skipped.push({ id, numero, message: error.message });
      // Any other refusal (answered meanwhile, deadline counted from a later delivery) is simply not due.
      else if (!(error instanceof HttpError)) throw error;
    }
  }
  return result;
}
