import { PIECE_CATALOGUE } from '@em/domain';
import type { Piece } from '../types';

/** The guide's step 4 sections, in its order. */
const GROUPS = [
  {
    id: 'etat-civil',
    title: 'ÉTAT CIVIL',
    codes: ['EPHOTO', 'JUSTIFICATIF_NATIONALITE', 'JUSTIFICATIF_IDENTITE', 'JUSTIFICATIF_ENTREE_REGULIERE'],
  },
  { id: 'domiciliation', title: 'DOMICILIATION', codes: ['JUSTIFICATIF_DOMICILE'] },
  { id: 'motif-de-sejour', title: 'MOTIF DE SÉJOUR', codes: ['JUSTIFICATIF_RESIDENCE_HABITUELLE'] },
] as const;

export type PieceGroup = { id: string; title: string; pieces: Piece[] };

const catalogueOrder = (code: string) => {
  const index = PIECE_CATALOGUE.findIndex((definition) => definition.code === code);
  return index === -1 ? PIECE_CATALOGUE.length : index;
};

export function groupPieces(pieces: Piece[]): PieceGroup[] {
  const sorted = [...pieces].sort((a, b) => catalogueOrder(a.code) - catalogueOrder(b.code));
  const known = new Set<string>(GROUPS.flatMap((group) => group.codes));
  const groups: PieceGroup[] = GROUPS.map((group) => ({
    id: group.id,
    title: group.title,
    pieces: sorted.filter((piece) => (group.codes as readonly string[]).includes(piece.code)),
  }));
  groups.push({ id: 'autres', title: 'AUTRES JUSTIFICATIFS', pieces: sorted.filter((p) => !known.has(p.code)) });
  return groups.filter((group) => group.pieces.length > 0);
}

/** The catalogue's hint when the API sends none. */
export function pieceHint(piece: Piece): string {
  return piece.hint || PIECE_CATALOGUE.find((definition) => definition.code === piece.code)?.hint || '';
}
