import { ephotoSchema, PIECE_CODES, RECEIPT_CHANNELS, REVIEW_STATUSES, STATUSES } from '@em/domain';
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';
import { declaredFields } from './dossier.js';

/** The signed-in applicant (POST /api/usager/auth/login, GET /api/usager/auth/me). */
export const applicantIdentitySchema = z.strictObject({
  id: idSchema,
  email: z.string(),
  /** The provisional password must be replaced before anything else. */
  must_reset_password: z.boolean(),
});
export type ApplicantIdentity = z.infer<typeof applicantIdentitySchema>;

// POST /api/usager/auth/password: passwordChangeSchema, in account.ts.

/** PUT /api/usager/dossier/ephoto: a new e-photo number, normalized (case, spaces) then checked. */
export const ephotoBodySchema = z.object({ ephoto: z.string({ error: 'Numéro e-photo : champ obligatoire.' }).pipe(ephotoSchema) });

// POST /api/usager/pieces/:id/files and /api/usager/demandes/:id/pieces/:code/fichiers: multipart, one
// `file` field, streamed and checked by the server (apps/api/src/features/usager/upload.ts), no schema.
export type EphotoBody = z.input<typeof ephotoBodySchema>;

/** A file of one of the applicant's pieces; also the answer to an upload (POST /api/usager/pieces/:id/files). */
export const applicantFileSchema = z.strictObject({
  id: idSchema,
  original_name: z.string(),
  size: z.number().int().nonnegative(),
  detected_type: z.string(),
  uploaded_at: instantSchema,
  url: z.string().startsWith('/api/usager/'),
  /** Uploaded after the complement deadline. */
  late: z.boolean(),
  /** Uploaded in the current round, before « Déposer les compléments ». */
  removable: z.boolean(),
  /** « guichet » or « courrier » when the préfecture attached it for the applicant; null when sent online. */
  received_via: z.enum(RECEIPT_CHANNELS).nullable(),
});
export type ApplicantFile = z.infer<typeof applicantFileSchema>;

export const applicantPieceSchema = z.strictObject({
  id: idSchema,
  code: z.enum(PIECE_CODES),
  label: z.string(),
  required: z.boolean(),
  kind: z.enum(['code', 'files']),
  hint: z.string(),
  /** The catalogue's maximum number of files for this piece. */
  max_files: z.number().int().nonnegative(),
  review_status: z.enum(REVIEW_STATUSES),
  review_message: z.string(),
  /** Named in the complement request in progress (stays true once answered). */
  flagged: z.boolean(),
  /** Named in the request, and a new file (or e-photo number) was given in this round. */
  answered: z.boolean(),
  files: z.array(applicantFileSchema),
});
export type ApplicantPiece = z.infer<typeof applicantPieceSchema>;

/** The complement request in progress. */
export const applicantComplementSchema = z.strictObject({
  id: idSchema,
  sent_at: instantSchema,
  deadline_at: instantSchema,
  late: z.boolean(),
});

/**
 * What the portal shows of the applicant's own dossier (GET /api/usager/dossier, and the answer to
 * PUT /api/usager/dossier/ephoto and POST /api/usager/dossier/complements).
 */
export const applicantDossierSchema = z.strictObject({
  id: idSchema,
  numero: z.string().nullable(),
  status: z.enum(STATUSES),
  /** The status in the applicant's words. */
  status_label: z.string(),
  prefecture_code: z.string().nullable(),
  last_saved_step: z.number().int(),
  deposited_at: instantSchema.nullable(),
  deadline_at: instantSchema.nullable(),
  completed_at: instantSchema.nullable(),
  closed_at: instantSchema.nullable(),
  /** Why the préfecture closed it as incomplete (the pieces never received); empty otherwise. */
  closure_reason: z.string(),
  created_at: instantSchema,
  ...declaredFields,
  deadline_passed: z.boolean(),
  /** The receipt PDF (« confirmation de dépôt »), once deposited. */
  receipt_url: z.string().startsWith('/api/usager/').nullable(),
  complement: applicantComplementSchema.nullable(),
  /** In catalogue order. */
  pieces: z.array(applicantPieceSchema),
});
export type ApplicantDossier = z.infer<typeof applicantDossierSchema>;
