import { schema, type Tx } from '@em/db';
import { isComplementOverdue, pieceDefinition } from '@em/domain';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordEvent } from '../audit/record.js';
import { recordComplementsReceived, requestedPieces } from '../dossiers/complements-received.js';
import { applicantDossierScope } from '../dossiers/scope.js';
import { loadDossier, openComplementRequest, requireTransition, setStatus } from '../dossiers/state.js';
import { forgetUnreferenced, storeUpload, uploadRoom } from '../files/storage.js';
import { applicantDossier } from './dossier-view.js';
import type { ReceivedUpload } from './upload.js';

/** The applicant's piece, the request it answers and whether it may still receive a file. */
function requestedPiece(tx: Tx, applicantId: number, pieceId: number) {
  const piece = tx.select().from(schema.pieces).where(eq(schema.pieces.id, pieceId)).get();
  const dossier = loadDossier(tx, applicantDossierScope(applicantId), piece?.dossierId ?? -1);
  requireTransition(dossier, 'submit_complements');
  const request = openComplementRequest(tx, dossier.id);
  if (!request?.requestedPieces.some((p) => p.code === piece!.code)) {
    throw conflict("Cette pièce n'a pas été demandée : vous ne pouvez joindre un document qu'aux pièces signalées par la préfecture.");
  }
  return { piece: piece!, dossier, request };
}

/** The applicant's e-photo piece, when the open request asks for a new number. */
function requestedEphoto(tx: Tx, applicantId: number) {
  const dossier = applicantDossier(tx, applicantId);
  const ephoto = tx
    .select({ id: schema.pieces.id })
    .from(schema.pieces)
    .where(and(eq(schema.pieces.dossierId, dossier.id), eq(schema.pieces.code, 'EPHOTO')))
    .get();
  return requestedPiece(tx, applicantId, ephoto?.id ?? -1);
}

/** A new e-photo number, when the préfecture flagged the previous one. */
export function replaceEphoto(deps: AppDeps, applicantId: number, ephoto: string) {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const { piece, dossier } = requestedEphoto(tx, applicantId);
    setStatus(tx, dossier.id, { ephoto });
    tx.update(schema.pieces).set({ reviewStatus: 'a_verifier' }).where(eq(schema.pieces.id, piece.id)).run();
    // The numbers before and after: « Supprimer le numéro ephoto » puts the first one of the round back.
    recordEvent(tx, {
      actor: { type: 'applicant', id: applicantId },
      action: 'replace_ephoto',
      dossierId: dossier.id,
      at: now,
      before: dossier.ephoto,
      after: ephoto,
      reason: `EPHOTO${isComplementOverdue(dossier, now) ? ' (hors délai)' : ''}`,
    });
  });
}

/**
 * May this piece take one more file of `size` bytes in answer to the open request? Checked before
 * the upload is read, and again in the transaction that stores it.
 */
export function checkComplementPiece(tx: Tx, applicantId: number, pieceId: number, size = 0) {
  const { piece, dossier, request } = requestedPiece(tx, applicantId, pieceId);
  const definition = pieceDefinition(piece.code);
  if (definition.kind === 'code') throw conflict('Le numéro e-photo se saisit dans le champ prévu : aucun document à joindre.');
  const inRound = tx
    .select({ id: schema.files.id })
    .from(schema.files)
    .where(and(eq(schema.files.pieceId, piece.id), eq(schema.files.complementRequestId, request.id)))
    .all();
  if (inRound.length >= definition.maxFiles) throw conflict(`${definition.maxFiles} documents au plus pour « ${definition.label} ».`);
  return { piece, dossier, request, room: uploadRoom(tx, dossier.id, size) };
}

/** « Supprimer le numéro ephoto »: before the complements are deposited, the number typed in this round is withdrawn. */
export function removeNewEphoto(deps: AppDeps, applicantId: number) {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const { piece, dossier, request } = requestedEphoto(tx, applicantId);
    const typed = tx
      .select({ before: schema.events.before })
      .from(schema.events)
      .where(
        and(eq(schema.events.dossierId, dossier.id), eq(schema.events.action, 'replace_ephoto'), gte(schema.events.at, request.sentAt)),
      )
      .orderBy(asc(schema.events.id))
      .get();
    if (!typed || piece.reviewStatus !== 'a_verifier') throw conflict("Vous n'avez pas saisi de nouveau numéro ephoto.");
    const flag = request.requestedPieces.find((p) => p.code === 'EPHOTO')!;
    setStatus(tx, dossier.id, { ephoto: typed.before });
    tx.update(schema.pieces).set({ reviewStatus: flag.reviewStatus }).where(eq(schema.pieces.id, piece.id)).run();
    recordEvent(tx, {
      actor: { type: 'applicant', id: applicantId },
      action: 'remove_ephoto',
      dossierId: dossier.id,
      at: now,
      before: dossier.ephoto,
      after: typed.before,
      reason: 'EPHOTO',
    });
  });
}

export function addComplementFile(deps: AppDeps, applicantId: number, pieceId: number, upload: ReceivedUpload) {
  const now = deps.now();
  return storeUpload(deps, upload, (tx, adopt) => {
    const { piece, dossier, request } = checkComplementPiece(tx, applicantId, pieceId, upload.size);
    // Late only against a running deadline: one never starts while the request's e-mail is undelivered.
    const late = isComplementOverdue(dossier, now);
    const file = tx
      .insert(schema.files)
      .values({
        ...adopt(),
        pieceId: piece.id,
        uploadedByApplicantId: applicantId,
        uploadedAt: now,
        complementRequestId: request.id,
        late,
      })
      .returning()
      .get();
    recordEvent(tx, {
      actor: { type: 'applicant', id: applicantId },
      action: 'add_file',
      dossierId: dossier.id,
      at: now,
      piece: piece.code,
      reason: `${upload.name}${late ? ' (hors délai)' : ''}`,
    });
    return file;
  });
}

/** Removable until the complements are sent; its content is deleted once no row refers to it. */
export function removeComplementFile(deps: AppDeps, applicantId: number, fileId: number) {
  const now = deps.now();
  const sha256 = deps.db.transaction((tx) => {
    const file = tx.select().from(schema.files).where(eq(schema.files.id, fileId)).get();
    if (!file) throw notFound('Fichier introuvable.');
    const { piece, dossier, request } = requestedPiece(tx, applicantId, file.pieceId);
    if (file.complementRequestId !== request.id || file.receivedVia)
      throw conflict('Ce document a déjà été transmis à la préfecture : il ne peut plus être supprimé.');
    tx.delete(schema.files).where(eq(schema.files.id, file.id)).run();
    recordEvent(tx, {
      actor: { type: 'applicant', id: applicantId },
      action: 'remove_file',
      dossierId: dossier.id,
      at: now,
      piece: piece.code,
      reason: file.originalName,
    });
    return file.sha256;
  });
  forgetUnreferenced(deps, [sha256]);
}

/** « Déposer les compléments »: every requested piece must have a new file. */
export function submitComplements(deps: AppDeps, applicantId: number) {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const dossier = applicantDossier(tx, applicantId);
    requireTransition(dossier, 'submit_complements');
    const request = openComplementRequest(tx, dossier.id);
    if (!request) throw conflict("Aucune demande de pièces complémentaires n'est en cours.");
    const { pieces, unanswered } = requestedPieces(tx, dossier.id, request);
    if (unanswered.length > 0) {
      const labels = unanswered.map((p) => `« ${pieceDefinition(p.code).label} »`).join(', ');
      throw conflict(`Joignez d'abord un document pour : ${labels}.`);
    }
    const late = isComplementOverdue(dossier, now);
    recordComplementsReceived(deps, tx, { dossier, request, pieces, actor: { type: 'applicant', id: applicantId }, receivedAt: now, late });
  });
}
