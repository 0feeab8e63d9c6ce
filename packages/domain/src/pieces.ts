export const PIECE_CODES = [
  'EPHOTO',
  'JUSTIFICATIF_NATIONALITE',
  'JUSTIFICATIF_IDENTITE',
  'JUSTIFICATIF_ENTREE_REGULIERE',
  'JUSTIFICATIF_DOMICILE',
  'JUSTIFICATIF_RESIDENCE_HABITUELLE',
] as const;
export type PieceCode = (typeof PIECE_CODES)[number];

/**
 * Each piece's code as stored: a few letters instead of its name of up to 33 characters, on millions
 * of rows and their unique index (migration 0014), and in the e-mails' stored data. Fixed for good: stored rows keep them.
 */
export const STORED_PIECE_CODES: Readonly<Record<PieceCode, string>> = {
  EPHOTO: 'photo',
  JUSTIFICATIF_NATIONALITE: 'nat',
  JUSTIFICATIF_IDENTITE: 'id',
  JUSTIFICATIF_ENTREE_REGULIERE: 'entree',
  JUSTIFICATIF_DOMICILE: 'dom',
  JUSTIFICATIF_RESIDENCE_HABITUELLE: 'res',
};
const PIECE_CODES_BY_STORED = new Map<string, PieceCode>(PIECE_CODES.map((code) => [STORED_PIECE_CODES[code], code]));

/** The piece code a stored short code stands for (STORED_PIECE_CODES); undefined for any other text. */
export const pieceCodeFromStored = (stored: string): PieceCode | undefined => PIECE_CODES_BY_STORED.get(stored);

/** The sections of the guide's « Justificatifs » step, in its order. */
export const PIECE_SECTIONS = [
  { id: 'etat-civil', title: 'ÉTAT CIVIL' },
  { id: 'domiciliation', title: 'DOMICILIATION' },
  { id: 'motif-de-sejour', title: 'MOTIF DE SÉJOUR' },
] as const;
export type PieceSectionId = (typeof PIECE_SECTIONS)[number]['id'];

export type PieceKind = 'code' | 'files';

export type PieceDefinition = {
  code: PieceCode;
  section: PieceSectionId;
  label: string;
  required: boolean;
  /** EPHOTO is a 22-character code typed by the applicant, not a file. */
  kind: PieceKind;
  maxFiles: number;
  hint: string;
};

export const PIECE_CATALOGUE = [
  {
    code: 'EPHOTO',
    section: 'etat-civil',
    label: 'Numéro e-photo',
    required: true,
    kind: 'code',
    maxFiles: 0,
    hint: 'Numéro ephoto (22 caractères) figurant sur votre planche de photos d’identité.',
  },
  {
    code: 'JUSTIFICATIF_NATIONALITE',
    section: 'etat-civil',
    label: 'Justificatif de nationalité',
    required: true,
    kind: 'files',
    maxFiles: 3,
    hint: 'Passeport ; ou carte nationale d’identité ; ou attestation consulaire ; ou carte consulaire ; ou certificat de nationalité de moins de 6 mois.',
  },
  {
    code: 'JUSTIFICATIF_IDENTITE',
    section: 'etat-civil',
    label: 'Justificatif d’identité',
    required: true,
    kind: 'files',
    maxFiles: 3,
    hint: 'Extrait d’acte de naissance avec filiation ou copie intégrale de l’acte de naissance.',
  },
  {
    code: 'JUSTIFICATIF_ENTREE_REGULIERE',
    section: 'etat-civil',
    label: 'Justificatif d’entrée régulière',
    required: false,
    kind: 'files',
    maxFiles: 3,
    hint: 'Copie des pages du passeport comportant le visa + cachet d’entrée ; ou cachet d’entrée seul ; ou attestation de dispense de visa ; ou déclaration sur l’honneur d’entrée régulière.',
  },
  {
    code: 'JUSTIFICATIF_DOMICILE',
    section: 'domiciliation',
    label: 'Justificatif de domicile de moins de 6 mois',
    required: true,
    kind: 'files',
    maxFiles: 6,
    hint: 'Facture, bail ou quittance ; à l’hôtel : attestation de l’hôtelier + facture ; chez un particulier : attestation datée et signée + pièce d’identité + justificatif de domicile de l’hébergeant.',
  },
  {
    code: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    section: 'motif-de-sejour',
    label: 'Justificatif de résidence habituelle (au moins 1 an)',
    required: true,
    kind: 'files',
    maxFiles: 6,
    hint: 'Tout document permettant d’apprécier la durée de votre résidence habituelle en France depuis au moins 1 an (6 documents au plus).',
  },
] as const satisfies readonly PieceDefinition[];

export function pieceDefinition(code: PieceCode): PieceDefinition {
  return PIECE_CATALOGUE.find((p) => p.code === code)!;
}

/** The catalogue's order: the guide's, kept wherever pieces are listed or named. */
export function sortByCatalogue<T extends { code: PieceCode }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => PIECE_CODES.indexOf(a.code) - PIECE_CODES.indexOf(b.code));
}

/** Pieces grouped under the guide's sections, in catalogue order; empty sections are left out. */
export function groupBySection<T extends { code: PieceCode }>(items: readonly T[]) {
  const sorted = sortByCatalogue(items);
  return PIECE_SECTIONS.map((section) => ({
    ...section,
    items: sorted.filter((item) => pieceDefinition(item.code).section === section.id),
  })).filter((section) => section.items.length > 0);
}

export const REVIEW_STATUSES = ['a_verifier', 'conforme', 'manquant', 'illisible', 'non_conforme'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const FLAGGED_REVIEW_STATUSES = ['manquant', 'illisible', 'non_conforme'] as const satisfies readonly ReviewStatus[];
export type FlaggedReviewStatus = (typeof FLAGGED_REVIEW_STATUSES)[number];

/** Missing, illegible or non-conforming: a piece the applicant will be asked for again. */
export function isFlaggedReview(status: string): status is FlaggedReviewStatus {
  return (FLAGGED_REVIEW_STATUSES as readonly string[]).includes(status);
}

/** What an agent may decide on a piece: « à vérifier » is where it starts, never a verdict. */
export const REVIEW_VERDICTS = ['conforme', ...FLAGGED_REVIEW_STATUSES] as const satisfies readonly ReviewStatus[];
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** An e-photo number is typed, not scanned: it can be missing or wrong, never illegible. */
const VERDICTS_BY_KIND = {
  code: ['conforme', 'manquant', 'non_conforme'],
  files: REVIEW_VERDICTS,
} as const satisfies Record<PieceKind, readonly ReviewVerdict[]>;

export function reviewVerdicts(kind: PieceKind): readonly ReviewVerdict[] {
  return VERDICTS_BY_KIND[kind];
}

/** Why a verdict cannot be given on that piece, or null when it can. */
export function verdictRefusal(code: PieceCode, verdict: ReviewVerdict): string | null {
  const definition = pieceDefinition(code);
  if (reviewVerdicts(definition.kind).includes(verdict)) return null;
  const allowed = reviewVerdicts(definition.kind)
    .map((v) => `« ${REVIEW_LABELS[v]} »`)
    .join(', ');
  return `« ${REVIEW_LABELS[verdict]} » ne s’applique pas à la pièce « ${definition.label} » : choisissez ${allowed}.`;
}

/** A piece named in a complement request, as the request keeps it and the e-mails print it. */
export type RequestedPiece = { code: PieceCode; reviewStatus: FlaggedReviewStatus; message: string };

export const REVIEW_LABELS = {
  a_verifier: 'À vérifier',
  conforme: 'Conforme',
  manquant: 'Document manquant',
  illisible: 'Document illisible',
  non_conforme: 'Document non conforme',
} as const satisfies Record<ReviewStatus, string>;

export const EPHOTO_PATTERN = /^[A-Z0-9]{22}$/;
export function normalizeEphoto(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The catalogue label of a piece code, or the code itself if it is not one (e.g. in free text). */
export function pieceLabel(code: string): string {
  return PIECE_CATALOGUE.find((piece) => piece.code === code)?.label ?? code;
}

/** An e-photo number is spoken of as a number, not a document: « Numéro manquant », « Numéro non conforme ». */
const CODE_REVIEW_LABELS: Partial<Record<ReviewStatus, string>> = { manquant: 'Numéro manquant', non_conforme: 'Numéro non conforme' };

/** The words of a review status on a piece of that kind (buttons, chips). */
export function reviewLabel(kind: PieceKind, status: ReviewStatus): string {
  return (kind === 'code' ? CODE_REVIEW_LABELS[status] : undefined) ?? REVIEW_LABELS[status];
}
