import { FAMILY_SITUATIONS, PIECE_CODES, SEXES, STAFF_ACTIONS, STATUSES } from '@em/domain';
import { z } from 'zod';
import { calendarDaySchema, idSchema, instantSchema } from './common.js';

/** What the applicant declared in the pré-demande, as both the console and the portal read it. */
export const declaredFields = {
  // État civil
  birth_name: z.string(),
  usage_name: z.string(),
  first_names: z.array(z.string()),
  sex: z.enum(SEXES).nullable(),
  birth_day: z.number().int().nullable(),
  birth_month: z.number().int().nullable(),
  birth_year: z.number().int().nullable(),
  birth_country: z.string(),
  birth_place: z.string(),
  nationalities: z.array(z.string()),
  // Adresse
  address_number: z.string(),
  address_street: z.string(),
  address_complement: z.string(),
  postal_code: z.string(),
  city: z.string(),
  country: z.string(),
  insee_code: z.string(),
  // Contact
  email: z.string(),
  phone: z.string(),
  // Motif
  entry_date: calendarDaySchema.nullable(),
  family_situation: z.enum(FAMILY_SITUATIONS).nullable(),
  union_date: calendarDaySchema.nullable(),
  union_country: z.string().nullable(),
  dependent_children: z.boolean().nullable(),
  attest_no_polygamy: z.boolean(),
  attest_penalties: z.boolean(),
  ephoto: z.string().nullable(),
  observations: z.string(),
};

/** A dossier as the console reads it, in lists and on its page (GET /api/dossiers, /api/dossiers/:id, and every action's answer). */
export const dossierSchema = z.strictObject({
  id: idSchema,
  numero: z.string().nullable(),
  status: z.enum(STATUSES),
  prefecture_code: z.string().nullable(),
  applicant_id: idSchema,
  assignee_id: idSchema.nullable(),
  assignee_name: z.string().nullable(),
  last_saved_step: z.number().int(),
  deposited_at: instantSchema.nullable(),
  /** Deadline of the complement request in progress. */
  deadline_at: instantSchema.nullable(),
  completed_at: instantSchema.nullable(),
  closed_at: instantSchema.nullable(),
  created_at: instantSchema,
  ...declaredFields,
  // Computed by the server with its clock
  /** Complements awaited past their deadline. */
  deadline_passed: z.boolean(),
  /** The complement request e-mail failed or bounced: the applicant may not know their deadline. */
  complement_email_undelivered: z.boolean(),
  /** The pieces named in the complement request still awaiting the applicant. */
  requested_pieces: z.array(z.enum(PIECE_CODES)),
  /** The console's buttons: what the status table and the deadline allow now. */
  allowed_actions: z.array(z.enum(STAFF_ACTIONS)),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** The optional comment of take, complete and close, kept in the dossier's history. */
export const actionReasonBodySchema = z.object({
  reason: z.string({ error: 'Motif : texte attendu.' }).max(2000, 'Motif : 2000 caractères au plus.').optional().default(''),
});
export type ActionReasonBody = z.input<typeof actionReasonBodySchema>;
