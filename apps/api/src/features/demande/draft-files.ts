import { type Db, schema, type Tx } from '@em/db';
import { PIECE_CODES, type PieceCode, pieceDefinition } from '@em/domain';
import { and, count, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound } from '../../http/errors.js';
import { forgetUnreferenced, storeUpload, uploadRoom } from '../files/storage.js';
import type { ReceivedUpload } from '../usager/upload.js';
import { ownDraft, requireSavedStep } from './draft.js';

const isPieceCode = (code: string): code is PieceCode => (PIECE_CODES as readonly string[]).includes(code);

export const draftFileUrl = (fileId: number) => `/api/usager/files/${fileId}/content`;

/**
 * May this piece of this draft take one more file, of `size` bytes? Checked before the upload is
 * read, and again in the transaction that stores it: a refused upload leaves nothing on disk.
 */
export function checkDraftPiece(db: Db | Tx, applicantId: number, dossierId: number, code: string, size = 0) {
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
  return { dossier, piece, definition, room: uploadRoom(db, dossier.id, size) };
}

export function addDraftFile(deps: AppDeps, applicantId: number, dossierId: number, code: string, upload: ReceivedUpload) {
  const now = deps.now();
  return storeUpload(deps, upload, (tx, adopt) => {
    const { piece } = checkDraftPiece(tx, applicantId, dossierId, code, upload.size);
    return tx
      .insert(schema.files)
      .values({
        ...adopt(),
        pieceId: piece.id,
        uploadedByApplicantId: applicantId,
        uploadedAt: now,
      })
      .returning()
      .get();
  });
}

/** Removable until the deposit; its content is deleted once no row refers to it. */
export function removeDraftFile(deps: AppDeps, applicantId: number, dossierId: number, fileId: number) {
  const sha256 = deps.db.transaction((tx) => {
    const dossier = ownDraft(tx, applicantId, dossierId);
    const file = tx
      .select({ id: schema.files.id, sha256: schema.files.sha256 })
      .from(schema.files)
      .innerJoin(schema.pieces, eq(schema.pieces.id, schema.files.pieceId))
      .where(and(eq(schema.files.id, fileId), eq(schema.pieces.dossierId, dossier.id)))
      .get();
    if (!file) throw notFound('Fichier introuvable.');
    tx.delete(schema.files).where(eq(schema.files.id, file.id)).run();
    return file.sha256;
  });
  forgetUnreferenced(deps, [sha256]);
}
