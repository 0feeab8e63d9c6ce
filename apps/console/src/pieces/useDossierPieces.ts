import type { Piece } from '@em/contract';
import { isFlaggedReview } from '@em/domain';
import { useMemo } from 'react';
import { type Identifier, useGetManyReference } from 'react-admin';

/**
 * The pieces of a dossier, in catalogue order (the API's order for `code`). One query shared by
 * the piece cards and the action bar (same parameters, same cache entry): a review shows at once on both.
 */
export function useDossierPieces(dossierId: Identifier | undefined) {
  const query = useGetManyReference<Piece>(
    'pieces',
    { target: 'dossier_id', id: dossierId ?? 0, pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: dossierId !== undefined },
  );
  const pieces = query.data ?? [];
  const flagged = useMemo(() => (query.data ?? []).filter((piece) => isFlaggedReview(piece.review_status)), [query.data]);
  const requiredNotConforming = useMemo(
    () => (query.data ?? []).filter((piece) => piece.required && piece.review_status !== 'conforme'),
    [query.data],
  );
  return { ...query, pieces, flagged, requiredNotConforming };
}
