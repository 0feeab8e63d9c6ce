import { schema } from '@em/db';
import { formatParisDate, REMINDER_DAYS_BEFORE_DEADLINE, reminderDueAt } from '@em/domain';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { HttpError } from '../../http/errors.js';
import { recordEvent } from '../audit/record.js';
import { closeIncomplete } from '../dossiers/actions/close-incomplete.js';
import { addresseeOf, loadDossier, recipientOf, resumeUrl } from '../dossiers/state.js';
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

/** The daily closure, only in préfectures that switched it on; the others close by hand. */
export function closeExpiredDossiers(deps: AppDeps): number {
  const now = deps.now();
  const expired = deps.db
    .select({ id: schema.dossiers.id })
    .from(schema.dossiers)
    .innerJoin(schema.prefectures, eq(schema.prefectures.code, schema.dossiers.prefectureCode))
    .where(
      and(
        eq(schema.prefectures.autoCloseExpired, true),
        eq(schema.dossiers.status, 'complement_demande'),
        lte(schema.dossiers.deadlineAt, now),
      ),
    )
    .all();
  let closed = 0;
  for (const { id } of expired) {
    try {
      closeIncomplete(deps, SYSTEM, eq(schema.dossiers.id, id), id, 'Clôture automatique : délai de réponse dépassé');
      closed++;
    } catch (error) {
      // A dossier answered between the query and its transaction is simply no longer closable.
      if (!(error instanceof HttpError)) throw error;
    }
  }
  return closed;
}
