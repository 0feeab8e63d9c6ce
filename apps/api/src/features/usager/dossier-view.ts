import type { ApplicantDossier, ApplicantFile } from '@em/contract';
import { type Db, schema, type Tx } from '@em/db';
import {
  APPLICANT_STATUS_LABELS,
  isComplementOverdue,
  type PieceCode,
  pieceDefinition,
  type ReviewStatus,
  sortByCatalogue,
} from '@em/domain';
import { desc, eq } from 'drizzle-orm';
import { notFound } from '../../http/errors.js';
import { toApiRecord } from '../../http/react-admin.js';
import { receiptUrl } from '../demande/draft-view.js';
import { openComplementRequest } from '../dossiers/state.js';
import { piecesWithFiles } from '../files/queries.js';

export const APPLICANT_FILE_URL = '/api/usager/files';

/** A file as the applicant sees it; removable while it belongs to the round still open. */
export function applicantFileRecord(file: typeof schema.files.$inferSelect, openRequestId: number | null): ApplicantFile {
  return {
    id: file.id,
    original_name: file.originalName,
    size: file.size,
    detected_type: file.detectedType,
    uploaded_at: file.uploadedAt.toISOString(),
    late: file.late,
    url: `${APPLICANT_FILE_URL}/${file.id}/content`,
    removable: openRequestId !== null && file.complementRequestId === openRequestId && file.receivedVia === null,
    received_via: file.receivedVia,
  };
}

/**
 * A requested piece is answered by a new file in this round, or, for the e-photo number (a code,
 * not a file), by a new number, which puts it back to « à vérifier » at once.
 */
export function isAnswered(
  piece: { code: PieceCode; reviewStatus: ReviewStatus },
  files: { complementRequestId: number | null }[],
  requestId: number,
) {
  if (pieceDefinition(piece.code).kind === 'code') return piece.reviewStatus === 'a_verifier';
  return files.some((f) => f.complementRequestId === requestId);
}

/** The applicant's pré-demande (one per account), or 404. */
export function applicantDossier(db: Db | Tx, applicantId: number) {
  const dossier = db
    .select()
    .from(schema.dossiers)
    .where(eq(schema.dossiers.applicantId, applicantId))
    .orderBy(desc(schema.dossiers.id))
    .get();
  if (!dossier) throw notFound("Aucune demande n'est associée à ce compte.");
  return dossier;
}

/** What the portal shows: the dossier, the request in progress, and each piece with its files. */
export function applicantDossierView(db: Db, applicantId: number, now: Date): ApplicantDossier {
  const dossier = applicantDossier(db, applicantId);
  const awaiting = dossier.status === 'complement_demande';
  const request = awaiting ? openComplementRequest(db, dossier.id) : null;
  const requestedCodes = new Set<string>(request?.requestedPieces.map((p) => p.code) ?? []);
  const { pieces, files } = piecesWithFiles(db, dossier.id);

  const pieceViews = sortByCatalogue(pieces).map((piece) => {
    const definition = pieceDefinition(piece.code);
    const own = files.filter((f) => f.pieceId === piece.id);
    const flagged = requestedCodes.has(piece.code);
    return {
      id: piece.id,
      code: piece.code,
      label: definition.label,
      required: definition.required,
      kind: definition.kind,
      hint: definition.hint,
      max_files: definition.maxFiles,
      review_status: piece.reviewStatus,
      review_message: piece.reviewMessage,
      flagged,
      answered: flagged && isAnswered(piece, own, request!.id),
      files: own.map((file) => applicantFileRecord(file, request?.id ?? null)),
    };
  });

  // What the préfecture keeps for its own lists stays there.
  const {
    searchText: _s,
    applicantId: _a,
    assigneeId: _as,
    implicitDecisionAt: _i,
    receiptSha256: _r,
    lastAnsweredAt: _l,
    requestEmailStatus: _e,
    ...fields
  } = dossier;
  return {
    ...toApiRecord(fields),
    status_label: APPLICANT_STATUS_LABELS[dossier.status],
    receipt_url: dossier.numero ? receiptUrl(dossier.id) : null,
    deadline_passed: isComplementOverdue(dossier, now),
    complement: request && {
      id: request.id,
      sent_at: request.sentAt.toISOString(),
      deadline_at: request.deadlineAt.toISOString(),
      late: isComplementOverdue(dossier, now),
    },
    pieces: pieceViews,
  };
}
