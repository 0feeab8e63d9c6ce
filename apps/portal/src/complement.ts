import type { Dossier, Piece } from './types';

// Reads of the contract that hold whichever way the API sets its flags: `flagged` may stay true once
// a piece is answered, and `can_submit_complements` may mean « a round is open » or « all answered ».

/** Named in the complement request in progress (answered or not). */
export const isRequested = (piece: Piece) => piece.flagged || piece.answered;

/** Named in the request and still awaiting a new file. */
export const awaitsFile = (piece: Piece) => piece.flagged && !piece.answered;

/** A complement request is in progress: requested pieces accept new files. */
export const complementRoundOpen = (dossier: Dossier) =>
  dossier.status === 'complement_demande' && (dossier.complement !== null || dossier.can_submit_complements);

/** Pieces that still hold back « Déposer les compléments ». */
export const awaitedPieces = (dossier: Dossier) => dossier.pieces.filter(awaitsFile);
