import type { ApplicantDossier, ApplicantPiece } from '@em/contract';

// The API's contract: `flagged` = named in the complement request in progress (it stays true once
// answered), `answered` = a new file (or e-photo number) was given in this round, `complement` is
// the request in progress or null.

/** Named in the complement request in progress and still awaiting a new file. */
export const awaitsFile = (piece: ApplicantPiece) => piece.flagged && !piece.answered;

/** A complement request is in progress: requested pieces accept new files. */
export const complementRoundOpen = (dossier: ApplicantDossier) => dossier.status === 'complement_demande' && dossier.complement !== null;

/** Pieces that still hold back « Déposer les compléments ». */
export const awaitedPieces = (dossier: ApplicantDossier) => dossier.pieces.filter(awaitsFile);
