import type { ReviewStatus, Status } from '@em/domain';

// Shapes of the /api/usager contract.

export type Id = number | string;

export type Me = { id: Id; email: string; must_reset_password: boolean };

export type DossierFile = {
  id: Id;
  original_name: string;
  size: number;
  detected_type: string;
  uploaded_at: string;
  url: string;
  /** Uploaded after the complement deadline. */
  late: boolean;
  /** Uploaded in the current round, before « Déposer les compléments ». */
  removable: boolean;
};

export type Piece = {
  id: Id;
  code: string;
  label: string;
  required: boolean;
  kind: 'code' | 'files';
  hint: string;
  review_status: ReviewStatus;
  review_message: string | null;
  /** Named in the complement request in progress (stays true once answered). */
  flagged: boolean;
  /** Named in the request and a new file was added in this round. */
  answered: boolean;
  files: DossierFile[];
  /** The catalogue's maximum number of files for this piece. */
  max_files: number;
};

export type Complement = { id: Id; sent_at: string; deadline_at: string; late: boolean };

export type Dossier = {
  id: Id;
  numero: string | null;
  status: Status;
  status_label: string;
  deposited_at: string | null;
  deadline_at: string | null;
  deadline_passed: boolean;
  birth_name: string;
  first_names: string[];
  complement: Complement | null;
  last_saved_step: number;
  /** The receipt PDF, once deposited. */
  receipt_url: string | null;
  pieces: Piece[];
  /** Not in the contract; the 22-character e-photo code given at deposit, when the API sends it. */
  ephoto?: string | null;
};
