export const PIECE_CODES = [
  'EPHOTO',
  'JUSTIFICATIF_NATIONALITE',
  'JUSTIFICATIF_IDENTITE',
  'JUSTIFICATIF_ENTREE_REGULIERE',
  'JUSTIFICATIF_DOMICILE',
  'JUSTIFICATIF_RESIDENCE_HABITUELLE',
] as const;
export type PieceCode = (typeof PIECE_CODES)[number];

export type PieceDefinition = {
  code: PieceCode;
  label: string;
  required: boolean;
  /** EPHOTO is a 22-character code typed by the applicant, not a file. */
  kind: 'code' | 'files';
  maxFiles: number;
  hint: string;
};

export const PIECE_CATALOGUE = [
  {
    code: 'EPHOTO',
    label: 'Numéro e-photo',
    required: true,
    kind: 'code',
    maxFiles: 0,
    hint: 'Numéro ephoto (22 caractères) figurant sur votre planche de photos d’identité.',
  },
  {
    code: 'JUSTIFICATIF_NATIONALITE',
    label: 'Justificatif de nationalité',
    required: true,
    kind: 'files',
    maxFiles: 3,
    hint: 'Passeport ; ou carte nationale d’identité ; ou attestation consulaire ; ou carte consulaire ; ou certificat de nationalité de moins de 6 mois.',
  },
  {
    code: 'JUSTIFICATIF_IDENTITE',
    label: 'Justificatif d’identité',
    required: true,
    kind: 'files',
    maxFiles: 3,
    hint: 'Extrait d’acte de naissance avec filiation ou copie intégrale de l’acte de naissance.',
  },
  {
    code: 'JUSTIFICATIF_ENTREE_REGULIERE',
    label: 'Justificatif d’entrée régulière',
    required: false,
    kind: 'files',
    maxFiles: 3,
    hint: 'Copie des pages du passeport comportant le visa + cachet d’entrée ; ou cachet d’entrée seul ; ou attestation de dispense de visa ; ou déclaration sur l’honneur d’entrée régulière.',
  },
  {
    code: 'JUSTIFICATIF_DOMICILE',
    label: 'Justificatif de domicile de moins de 6 mois',
    required: true,
    kind: 'files',
    maxFiles: 6,
    hint: 'Facture, bail ou quittance ; à l’hôtel : attestation de l’hôtelier + facture ; chez un particulier : attestation datée et signée + pièce d’identité + justificatif de domicile de l’hébergeant.',
  },
  {
    code: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
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

export const REVIEW_STATUSES = ['a_verifier', 'conforme', 'manquant', 'illisible', 'non_conforme'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const FLAGGED_REVIEW_STATUSES = ['manquant', 'illisible', 'non_conforme'] as const satisfies readonly ReviewStatus[];
export type FlaggedReviewStatus = (typeof FLAGGED_REVIEW_STATUSES)[number];

/** Missing, illegible or non-conforming: a piece the applicant will be asked for again. */
export function isFlaggedReview(status: string): status is FlaggedReviewStatus {
  return (FLAGGED_REVIEW_STATUSES as readonly string[]).includes(status);
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

/** What the portal accepts, checked on the content (magic bytes), never on the name alone. */
export const ACCEPTED_FILE_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
} as const;
export type AcceptedMime = keyof typeof ACCEPTED_FILE_TYPES;
export const ACCEPTED_EXTENSIONS = ['.jpg', '.jpeg', '.pdf', '.png', '.bmp', '.tif', '.tiff'] as const;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The catalogue label of a piece code, or the code itself if it is not one (e.g. in free text). */
export function pieceLabel(code: string): string {
  return PIECE_CATALOGUE.find((piece) => piece.code === code)?.label ?? code;
}
