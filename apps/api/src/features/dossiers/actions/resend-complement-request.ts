import { type ComplementPreview, resendComplementBodySchema } from '@em/contract';
import { schema, type Tx } from '@em/db';
import { formatParisDate } from '@em/domain';
import { renderEmail } from '@em/mail';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../../deps.js';
import { conflict } from '../../../http/errors.js';
import { parseId } from '../../../http/react-admin.js';
import { validate } from '../../../http/validate.js';
import { recordEvent } from '../../audit/record.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { staffDossierScope } from '../scope.js';
import { assertCanDecide, type DossierRow, loadDossier, openComplementRequest, setStatus } from '../state.js';
import { answerDossier } from './answer.js';
import { complementEmail } from './request-complements.js';

const { outboxEmails, complementRequests } = schema;

/**
 * The request in progress, sent again now to `to`: only while its e-mail never reached the
 * applicant (queued, failed, bounced); the e-mail names the same pieces, and its deadline is the
 * one the applicant gets if it leaves today.
 */
function resendDraft(deps: AppDeps, tx: Tx | AppDeps['db'], dossier: DossierRow, to: string, now: Date) {
  const request = dossier.status === 'complement_demande' ? openComplementRequest(tx, dossier.id) : null;
  if (!request) throw conflict('Aucune demande de pièces complémentaires n’attend de réponse sur ce dossier.');
  if (dossier.requestEmailStatus === 'sent') {
    throw conflict('Le courriel de demande a déjà été remis à l’usager : son délai court, il n’y a rien à renvoyer.');
  }
  return { request, to, ...complementEmail(deps, { ...dossier, email: to }, request.requestedPieces, now) };
}

/** The e-mail the agent is about to send again, with the new deadline, before anything is written. */
export function previewResend(deps: AppDeps, staff: StaffUser, dossierId: number, to: string): ComplementPreview {
  const dossier = loadDossier(deps.db, staffDossierScope(staff), dossierId);
  const draft = resendDraft(deps, deps.db, dossier, to, deps.now());
  return {
    deadline_at: draft.deadline.toISOString(),
    to,
    pieces: draft.request.requestedPieces.map((p) => p.code),
    ...renderEmail('complement_request', draft.email),
  };
}

/**
 * « Corriger l'adresse et renvoyer la demande », in one transaction: the corrected address
 * (audited, before → after), the e-mails still queued replaced, the request sent again with its
 * deadline not running until the new e-mail is accepted for delivery, the event, the e-mail.
 */
export function resendComplementRequest(deps: AppDeps, staff: StaffUser, dossierId: number, to: string) {
  assertCanDecide(staff);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const dossier = loadDossier(tx, staffDossierScope(staff), dossierId);
    const draft = resendDraft(deps, tx, dossier, to, now);
    const actor = { type: 'staff', user: staff } as const;
    if (to !== dossier.email) {
      setStatus(tx, dossier.id, { email: to });
      recordEvent(tx, { actor, action: 'correct_email', dossierId: dossier.id, at: now, before: dossier.email, after: to });
    }
    tx.update(outboxEmails)
      .set({ status: 'failed', lastError: `Remplacé par un nouvel envoi le ${formatParisDate(now)}.` })
      .where(
        and(eq(outboxEmails.dossierId, dossier.id), eq(outboxEmails.template, 'complement_request'), eq(outboxEmails.status, 'queued')),
      )
      .run();
    tx.update(complementRequests)
      .set({ sentAt: now, deadlineAt: draft.deadline, reminderSentAt: null })
      .where(eq(complementRequests.id, draft.request.id))
      .run();
    setStatus(tx, dossier.id, { deadlineAt: null });
    recordEvent(tx, {
      actor,
      action: 'resend_complement_request',
      dossierId: dossier.id,
      at: now,
      reason: `Envoi à ${to} — échéance le ${formatParisDate(draft.deadline)} si le courriel part aujourd’hui`,
    });
    enqueueEmail(tx, { dossierId: dossier.id, to, template: 'complement_request', data: draft.email, now });
  });
}

/** GET /api/dossiers/:id/complement-request/resend/preview?email= and POST /api/dossiers/:id/complement-request/resend */
export const resendComplementRequestRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/:id/complement-request/resend/preview', validate('query', resendComplementBodySchema), (c) =>
      c.json(previewResend(deps, c.var.staff, parseId(c.req.param('id')), c.req.valid('query').email)),
    )
    .post('/:id/complement-request/resend', validate('json', resendComplementBodySchema), (c) => {
      const id = parseId(c.req.param('id'));
      resendComplementRequest(deps, c.var.staff, id, c.req.valid('json').email);
      return answerDossier(c, deps, id);
    });
