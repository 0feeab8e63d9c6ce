import { isFlaggedReview, PIECE_CODES } from '@em/domain';
import { useMemo } from 'react';
import { type Identifier, useGetManyReference } from 'react-admin';
import type { Piece } from '../types';

const catalogueRank = (code: string) => {
  const index = (PIECE_CODES as readonly string[]).indexOf(code);
  return index === -1 ? PIECE_CODES.length : index;
};

/** Dossier states in which the API accepts a piece review (PUT /api/pieces/:id). */
export const REVIEWABLE_STATUSES: readonly string[] = ['en_examen', 'complement_recu'];

/**
 * The pieces of a dossier in catalogue order. One query shared by the piece cards and the action
 * bar (same parameters, same cache entry): a review shows at once on both.
 */
export function useDossierPieces(dossierId: Identifier | undefined) {
  const query = useGetManyReference<Piece>(
    'pieces',
    { target: 'dossier_id', id: dossierId ?? 0, pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: dossierId !== undefined },
  );
  const pieces = useMemo(
    () => [...(query.data ?? [])].sort((a, b) => catalogueRank(a.code) - catalogueRank(b.code) || Number(a.id) - Number(b.id)),
    [query.data],
  );
  const flagged = useMemo(() => pieces.filter((piece) => isFlaggedReview(piece.review_status)), [pieces]);
  const requiredNotConforming = useMemo(() => pieces.filter((piece) => piece.required && piece.review_status !== 'conforme'), [pieces]);
  return { ...query, pieces, flagged, requiredNotConforming };
}
