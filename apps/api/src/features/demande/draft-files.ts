import { type Db, schema, type Tx } from '@em/db';
import { PIECE_CODES, type PieceCode, pieceDefinition } from '@em/domain';
import { and, count, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound } from '../../http/errors.js';
import type { CheckedUpload } from '../usager/upload.js';
import { ownDraft, requireSavedStep } from './draft.js';

const isPieceCode = (code: string): code is PieceCode => (PIECE_CODES as readonly string[]).includes(code);

export const draftFileUrl = (fileId: number) => `/api/usager/files/${fileId}/content`;

/**
 * May this piece of this draft take one more file? Checked before the upload is read, and again
 * in the transaction that stores it: a refused upload leaves nothing on disk.
 */
export function checkDraftPiece(db: Db | Tx, applicantId: number, dossierId: number, code: string) {
  if (!isPieceCode(code)) throw notFound('Pièce introuvable.');
  const definition = pieceDefinition(code);
  const dossier = ownDraft(db, applicantId, dossierId);
  requireSavedStep(dossier, 4);
  if (definition.kind === 'code') throw conflict('Le numéro e-photo se saisit dans le champ prévu : aucun document à joindre.');
  const piece = db
    .select()
    .from(schema.pieces)
    .where(and(eq(schema.pieces.dossierId, dossier.id), eq(schema.pieces.code, code)))
    .get();
  if (!piece) throw notFound('Pièce introuvable.');
  const files = db.select({ n: count() }).from(schema.files).where(eq(schema.files.pieceId, piece.id)).get()?.n ?? 0;
  if (files >= definition.maxFiles) {
    throw conflict(`${definition.maxFiles} documents au plus pour « ${definition.label} » : supprimez-en un avant d'en joindre un autre.`);
  }
  return { dossier, piece, definition };
}

export function addDraftFile(deps: AppDeps, applicantId: number, dossierId: number, code: string, upload: CheckedUpload) {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const { piece } = checkDraftPiece(tx, applicantId, dossierId, code);
    const stored = deps.store.put(upload.bytes);
    return tx
      .insert(schema.files)
      .values({
        pieceId: piece.id,
        sha256: stored.sha256,
        size: stored.size,
        detectedType: upload.mime,
        originalName: upload.name,
        uploadedByApplicantId: applicantId,
        uploadedAt: now,
      })
      .returning()
      .get();
  });
}

/** Removable until the deposit. */
export function removeDraftFile(deps: AppDeps, applicantId: number, dossierId: number, fileId: number) {
  deps.db.transaction((tx) => {
    const dossier = ownDraft(tx, applicantId, dossierId);
    const file = tx
      .select({ id: schema.files.id })
      .from(schema.files)
      .innerJoin(schema.pieces, eq(schema.pieces.id, schema.files.pieceId))
      .where(and(eq(schema.files.id, fileId), eq(schema.pieces.dossierId, dossier.id)))
      .get();
    if (!file) throw notFound('Fichier introuvable.');
    tx.delete(schema.files).where(eq(schema.files.id, file.id)).run();
  });
}
