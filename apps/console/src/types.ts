import type { Action, FAMILY_SITUATIONS, ReviewStatus, StaffRole, Status } from '@em/domain';

/** Records as served by /api (snake_case, ra-data-simple-rest). */

export type { StaffRole };

export type StaffUser = {
  id: number;
  email: string;
  full_name: string;
  role: StaffRole;
  prefecture_code: string | null;
  /** A provisional password set by an admin: the console asks for a new one before anything else. */
  must_change_password: boolean;
};

export type Dossier = {
  id: number;
  numero: string;
  status: Status;
  prefecture_code: string;
  assignee_id: number | null;
  assignee_name: string | null;
  deposited_at: string | null;
  deadline_at: string | null;
  deadline_passed: boolean;
  /** The complement request e-mail failed or bounced: the applicant may not know their deadline. */
  complement_email_undelivered: boolean;
  /** Codes of the pieces named in the complement request still awaiting the applicant. */
  requested_pieces: string[];
  allowed_actions: Action[];
  birth_name: string;
  usage_name: string | null;
  first_names: string[];
  sex: 'M' | 'F' | null;
  birth_day: number | null;
  birth_month: number | null;
  birth_year: number | null;
  birth_country: string;
  birth_place: string;
  nationalities: string[];
  address_number: string | null;
  address_street: string;
  address_complement: string | null;
  postal_code: string;
  city: string;
  country: string;
  insee_code: string;
  email: string;
  phone: string;
  entry_date: string | null;
  family_situation: (typeof FAMILY_SITUATIONS)[number] | null;
  union_date: string | null;
  union_country: string | null;
  dependent_children: boolean | null;
  attest_no_polygamy: boolean;
  attest_penalties: boolean;
  ephoto: string | null;
  observations: string | null;
};

export type Piece = {
  id: number;
  dossier_id: number;
  code: string;
  label: string;
  required: boolean;
  /** 'code' for the e-photo number, 'files' otherwise. */
  kind: 'code' | 'files';
  review_status: ReviewStatus;
  review_message: string | null;
  reviewed_at: string | null;
  file_count: number;
};

export type StoredFile = {
  id: number;
  piece_id: number;
  dossier_id: number;
  size: number;
  detected_type: string;
  original_name: string;
  uploaded_at: string;
  uploaded_by: 'usager' | 'agent';
  late: boolean;
  url: string;
};

export type DossierEvent = {
  id: number;
  at: string;
  actor_label: string;
  actor_role: string;
  action: string;
  dossier_id: number;
  before: string | null;
  after: string | null;
  reason: string | null;
};

export type EmailStatus = 'queued' | 'sent' | 'failed' | 'bounced';

export type OutboxEmail = {
  id: number;
  dossier_id: number;
  template: string;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};

/** An outbox row with its bodies (GET /api/emails/:id). */
export type OutboxEmailWithBody = OutboxEmail & { text?: string | null; html?: string | null };

/** GET /api/dossiers/:id/complement-request/preview: the e-mail a request sent now would carry. */
export type ComplementPreview = {
  deadline_at: string;
  to: string;
  /** Piece codes, in catalogue order. */
  pieces: string[];
  subject: string;
  text: string;
  html: string;
};
