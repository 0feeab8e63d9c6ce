import type { Piece } from '../types';

/** The guide's step 4 sections, in its order; the API already lists the pieces in catalogue order. */
const GROUPS = [
  {
    id: 'etat-civil',
    title: 'ÉTAT CIVIL',
    codes: ['EPHOTO', 'JUSTIFICATIF_NATIONALITE', 'JUSTIFICATIF_IDENTITE', 'JUSTIFICATIF_ENTREE_REGULIERE'],
  },
  { id: 'domiciliation', title: 'DOMICILIATION', codes: ['JUSTIFICATIF_DOMICILE'] },
  { id: 'motif-de-sejour', title: 'MOTIF DE SÉJOUR', codes: ['JUSTIFICATIF_RESIDENCE_HABITUELLE'] },
] as const;

export type PieceGroup<P extends { code: string } = Piece> = { id: string; title: string; pieces: P[] };

export function groupPieces<P extends { code: string } = Piece>(pieces: P[]): PieceGroup<P>[] {
  return GROUPS.map((group) => ({
    id: group.id,
    title: group.title,
    pieces: pieces.filter((piece) => (group.codes as readonly string[]).includes(piece.code)),
  })).filter((group) => group.pieces.length > 0);
}
