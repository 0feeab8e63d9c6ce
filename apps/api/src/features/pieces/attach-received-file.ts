import { receivedFileQuerySchema } from '@em/contract';
import { schema, type Tx } from '@em/db';
import {
  canAttachForApplicant,
  FILE_TOO_LARGE_MESSAGE,
  formatParisDate,
  isReceivedLate,
  MAX_FILE_BYTES,
  NO_COUNTER_DEPOSIT_MESSAGE,
  pieceDefinition,
  RECEIPT_CHANNEL_LABELS,
  type ReceiptChannel,
  receiptDateRefusal,
  receiptDayInstant,
} from '@em/domain';
import { and, count, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { uploadBody } from '../../http/body-limit.js';
import { badRequest, conflict } from '../../http/errors.js';
import { parseId } from '../../http/react-admin.js';
import { validate } from '../../http/validate.js';
import { recordEvent } from '../audit/record.js';
import { type OpenRequest, recordComplementsReceived, requestedPieces, roundTiming } from '../dossiers/complements-received.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { assertCanDecide, type DossierRow, loadDossier, openComplementRequest } from '../dossiers/state.js';
import { fileApiRecord, findFile } from '../files/queries.js';
import { storeUpload, uploadRoom } from '../files/storage.js';
import { type ReceivedUpload, receiveUpload } from '../usager/upload.js';

type Receipt = { via: ReceiptChannel; on: string };

/**
 * May this piece take a document received on `receipt.on`, of `size` bytes? Checked before the
 * upload is read, and again in the transaction that stores it.
 */
function checkReceivedFile(tx: Tx, staff: StaffUser, pieceId: number, receipt: Receipt, now: Date, size = 0) {
  const piece = tx.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  const dossier = loadDossier(tx, staffDossierScope(staff), piece?.dossierId ?? -1);
  const definition = pieceDefinition(piece!.code);
  if (definition.kind === 'code') throw conflict('Le numéro e-photo est un numéro, pas un document : aucun fichier à joindre.');
  if (!canAttachForApplicant(dossier.status)) throw conflict(NO_COUNTER_DEPOSIT_MESSAGE);
  const refusal = receiptDateRefusal(receipt.on, dossier.depositedAt ?? now, now);
  if (refusal) throw badRequest(refusal);

  const open = dossier.status === 'complement_demande' ? openComplementRequest(tx, dossier.id) : null;
  // The request this document answers, if it names the piece.
  const request = open?.requestedPieces.some((p) => p.code === piece!.code) ? open : null;
  const roundId = request?.id ?? null;
  const inRound =
    tx
      .select({ n: count() })
      .from(schema.files)
      .where(
        and(
          eq(schema.files.pieceId, piece!.id),
          roundId === null ? isNull(schema.files.complementRequestId) : eq(schema.files.complementRequestId, roundId),
        ),
      )
      .get()?.n ?? 0;
  if (inRound >= definition.maxFiles) throw conflict(`${definition.maxFiles} documents au plus pour « ${definition.label} ».`);
  return { piece: piece!, dossier, request, room: uploadRoom(tx, dossier.id, size) };
}

/**
 * A justificatif handed in at the counter or sent by post, attached by an agent on the applicant's
 * behalf. During a complement request it answers the requested piece as an online upload would;
 * otherwise it puts the piece back to « à vérifier ». Stored only once every check has passed, in
 * the transaction of its event.
 */
export function attachReceivedFile(deps: AppDeps, staff: StaffUser, pieceId: number, upload: ReceivedUpload, receipt: Receipt) {
  assertCanDecide(staff);
  const now = deps.now();
  return storeUpload(deps, upload, (tx, adopt) => {
    const { piece, dossier, request } = checkReceivedFile(tx, staff, pieceId, receipt, now, upload.size);
    const late = request !== null && isReceivedLate(receipt.on, dossier.deadlineAt);
    const file = tx
      .insert(schema.files)
      .values({
        pieceId: piece.id,
        ...adopt(),
        uploadedByStaffId: staff.id,
        uploadedAt: now,
        complementRequestId: request?.id ?? null,
        late,
        receivedVia: receipt.via,
        receivedOn: receipt.on,
      })
      .returning()
      .get();
    // A requested piece stays flagged until the complements are deposited; any other one has a new document to check.
    const after = request ? piece.reviewStatus : 'a_verifier';
    if (!request) {
      tx.update(schema.pieces)
        .set({ reviewStatus: 'a_verifier', reviewMessage: '', reviewedById: null, reviewedAt: null })
        .where(eq(schema.pieces.id, piece.id))
        .run();
    }
    const day = formatParisDate(receiptDayInstant(receipt.on));
    recordEvent(tx, {
      actor: { type: 'staff', user: staff },
      action: 'attach_received_file',
      dossierId: dossier.id,
      at: now,
      before: piece.reviewStatus,
      after,
      piece: piece.code,
      reason: `${upload.name} — ${RECEIPT_CHANNEL_LABELS[receipt.via].toLowerCase()} le ${day}${late ? ' (hors délai)' : ''}`,
    });
    if (request) completeRequestIfAnswered(deps, tx, staff, dossier, request, receipt);
    return file;
  });
}

/**
 * When this document was the last one the request awaited, the complements are received: the
 * applicant who handed everything in at the counter has nothing left to deposit online, and the
 * dossier must not wait for a click that may never come, then be closed as incomplete.
 */
function completeRequestIfAnswered(deps: AppDeps, tx: Tx, staff: StaffUser, dossier: DossierRow, request: OpenRequest, receipt: Receipt) {
  const { pieces, unanswered } = requestedPieces(tx, dossier.id, request);
  if (unanswered.length > 0) return;
  recordComplementsReceived(deps, tx, {
    dossier,
    request,
    pieces,
    actor: { type: 'staff', user: staff },
    receivedAt: receiptDayInstant(receipt.on),
    dayOnly: true,
    late: roundTiming(tx, request).late,
    how: `dernier document ${RECEIPT_CHANNEL_LABELS[receipt.via].toLowerCase()}`,
  });
}

const URL_PREFIX = '/api/files';
// Multipart framing adds a little around what a file may weigh.
const uploadLimit = uploadBody(MAX_FILE_BYTES + 64 * 1024, FILE_TOO_LARGE_MESSAGE);

/** POST /api/pieces/:id/files?received_via=…&received_on=… (multipart: file); mounted by the pieces router after its staff guard. */
export const attachReceivedFileRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post('/:id/files', uploadLimit, validate('query', receivedFileQuerySchema), async (c) => {
    const staff = c.var.staff;
    assertCanDecide(staff);
    const pieceId = parseId(c.req.param('id'));
    const query = c.req.valid('query');
    const receipt = { via: query.received_via, on: query.received_on };
    // Scope, state, day of receipt, count and room are checked before a byte of the upload is read.
    const { room } = deps.db.transaction((tx) => checkReceivedFile(tx, staff, pieceId, receipt, deps.now()));
    const upload = await receiveUpload(c.req.raw, deps.store, room);
    const file = await attachReceivedFile(deps, staff, pieceId, upload, receipt);
    return c.json(fileApiRecord(findFile(deps.db, staffDossierScope(staff), file.id)!, URL_PREFIX), 201);
  });
