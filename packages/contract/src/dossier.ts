import { EMAIL_STATUSES, FAMILY_SITUATIONS, PIECE_CODES, SEXES, STAFF_ACTIONS, STATUSES, WORKQUEUE_SLUGS } from '@em/domain';
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

/** A dossier as the console reads it on its page (GET /api/dossiers/:id, and every action's answer); lists have DossierListItem. */
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
  /** Why it was closed as incomplete: the pieces never received (also shown to the applicant). */
  closure_reason: z.string(),
  /** Four months of silence from the deposit, suspended while pieces were awaited; null while they are, or once closed. */
  implicit_decision_at: instantSchema.nullable(),
  created_at: instantSchema,
  ...declaredFields,
  // Computed by the server with its clock
  /** Complements awaited past their deadline. */
  deadline_passed: z.boolean(),
  /** Delivery of the latest complement request's e-mail: the deadline runs only once it is 'sent'. */
  complement_email_status: z.enum(EMAIL_STATUSES).nullable(),
  /** The complement request e-mail failed or bounced: the applicant may not know their deadline. */
  complement_email_undelivered: z.boolean(),
  /** The pieces named in the complement request still awaiting the applicant. */
  requested_pieces: z.array(z.enum(PIECE_CODES)),
  /** The latest complement request (answered or not): its deadline, and the applicant's answer. */
  request_deadline_at: instantSchema.nullable(),
  answered_at: instantSchema.nullable(),
  /** Complements deposited after the deadline, before closure: « hors délai ». */
  answered_late: z.boolean(),
  /** The console's buttons: what the status table and the deadline allow now. */
  allowed_actions: z.array(z.enum(STAFF_ACTIONS)),
});
export type Dossier = z.infer<typeof dossierSchema>;

/**
 * A dossier as the lists show it (GET /api/dossiers, the tabs' counts, a reference's numéro): its
 * columns, the deadline's chips, what a selection acts on. Its page reads the whole record: 25 whole
 * records made a 32 KB answer, most of it never shown, and a third of what the server spent on a list.
 */
export const dossierListItemSchema = dossierSchema.pick({
  id: true,
  numero: true,
  status: true,
  prefecture_code: true,
  assignee_id: true,
  assignee_name: true,
  deposited_at: true,
  deadline_at: true,
  implicit_decision_at: true,
  birth_name: true,
  usage_name: true,
  first_names: true,
  deadline_passed: true,
  complement_email_status: true,
  complement_email_undelivered: true,
  request_deadline_at: true,
  answered_at: true,
  answered_late: true,
  allowed_actions: true,
});
export type DossierListItem = z.infer<typeof dossierListItemSchema>;

/** How many dossiers each tab holds under the list's other filters (GET /api/dossiers/counts?filter=…): every tab's count in one request. */
export const workqueueCountsSchema = z.record(z.enum(WORKQUEUE_SLUGS), z.number().int().nonnegative());
export type WorkqueueCounts = z.infer<typeof workqueueCountsSchema>;

/** The optional comment of take, complete and close, kept in the dossier's history. */
export const actionReasonBodySchema = z.object({
  reason: z.string({ error: 'Motif : texte attendu.' }).max(2000, 'Motif : 2000 caractères au plus.').optional().default(''),
});
export type ActionReasonBody = z.input<typeof actionReasonBodySchema>;
