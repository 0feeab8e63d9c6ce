import { schema, type Tx } from '@em/db';
import { formatParisDate, type PieceCode, pieceDefinition } from '@em/domain';
import { and, eq, inArray, max } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { type Actor, recordEvent } from '../audit/record.js';
import { refreshImplicitDecision } from '../deadlines/implicit-decision.js';
import { enqueueEmail } from '../mail/outbox.js';
import { isAnswered } from '../usager/dossier-view.js';
import { addresseeOf, type DossierRow, type openComplementRequest, recipientOf, requireTransition, setStatus } from './state.js';

export type OpenRequest = NonNullable<ReturnType<typeof openComplementRequest>>;

/** The pieces of the open request, and those still without an answer in this round. */
export function requestedPieces(tx: Tx, dossierId: number, request: OpenRequest) {
  const codes = request.requestedPieces.map((p) => p.code);
  const pieces = tx
    .select()
    .from(schema.pieces)
    .where(and(eq(schema.pieces.dossierId, dossierId), inArray(schema.pieces.code, codes)))
    .all();
  const roundFiles = tx
    .select({ pieceId: schema.files.pieceId, complementRequestId: schema.files.complementRequestId })
    .from(schema.files)
    .where(eq(schema.files.complementRequestId, request.id))
    .all();
  const unanswered = pieces.filter(
    (p) =>
      !isAnswered(
        p,
        roundFiles.filter((f) => f.pieceId === p.id),
        request.id,
      ),
  );
  return { pieces, unanswered };
}

/** When the last document of the round came, and whether any came after the deadline. */
export function roundTiming(tx: Tx, request: OpenRequest): { lastAt: Date | null; late: boolean } {
  const row = tx
    .select({ lastAt: max(schema.files.uploadedAt), late: max(schema.files.late) })
    .from(schema.files)
    .where(eq(schema.files.complementRequestId, request.id))
    .get();
  return { lastAt: row?.lastAt ?? null, late: Boolean(row?.late) };
}

/**
 * The request is answered: its pieces go back to « à vérifier », the dossier to « Compléments
 * reçus » (no deadline runs any more), with the event and the acknowledgement e-mail. Either the
 * applicant's « Déposer les compléments », or the last requested piece received at the counter or
 * by post: a dossier whose pieces all came must never be closed as incomplete.
 */
export function recordComplementsReceived(
  deps: AppDeps,
  tx: Tx,
  input: {
    dossier: DossierRow;
    request: OpenRequest;
    /** The requested pieces, every one answered (requestedPieces). */
    pieces: { id: number; code: PieceCode }[];
    actor: Actor;
    receivedAt: Date;
    dayOnly?: boolean;
    late: boolean;
    how?: string;
  },
) {
  const { dossier, request, pieces, late } = input;
  const now = deps.now();
  const to = requireTransition(dossier, 'submit_complements');
  tx.update(schema.pieces)
    .set({ reviewStatus: 'a_verifier', reviewMessage: '', reviewedById: null, reviewedAt: null })
    .where(
      inArray(
        schema.pieces.id,
        pieces.map((p) => p.id),
      ),
    )
    .run();
  // Answered when the pieces came (the job notices days later, a letter is recorded after its day):
  // the implicit decision's suspension ends there (CRPA L114-5), and never later than now.
  const answeredAt = new Date(Math.min(input.receivedAt.getTime(), now.getTime()));
  tx.update(schema.complementRequests).set({ answeredAt, answeredLate: late }).where(eq(schema.complementRequests.id, request.id)).run();
  setStatus(tx, dossier.id, { status: to, deadlineAt: null });
  // The clock of the implicit decision runs again, pushed back by the days pieces were awaited.
  refreshImplicitDecision(tx, dossier.id);
  const codes = request.requestedPieces.map((p) => p.code).join(', ');
  recordEvent(tx, {
    actor: input.actor,
    action: 'submit_complements',
    dossierId: dossier.id,
    at: now,
    before: dossier.status,
    after: to,
    reason: `${codes}${input.how ? ` — ${input.how}` : ''}${late ? ` — hors délai (échéance le ${formatParisDate(request.deadlineAt)})` : ''}`,
  });
  enqueueEmail(tx, {
    dossierId: dossier.id,
    to: recipientOf(tx, dossier),
    template: 'complements_received',
    data: {
      to: addresseeOf(dossier),
      numero: dossier.numero ?? '',
      receivedAt: input.receivedAt,
      ...(input.dayOnly ? { dayOnly: true } : {}),
      pieces: pieces.map((p) => ({ code: p.code, label: pieceDefinition(p.code).label })),
      late,
    },
    now,
  });
}
