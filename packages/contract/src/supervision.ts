import { DOSSIER_SORT_FIELDS, STAFF_ROLES, STATUSES } from '@em/domain';
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** Requests and answers of the supervisor's tools (/api/supervision) and of staff administration (/api/staff). */

const isoInstant = instantSchema;
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date attendue au format AAAA-MM-JJ.' });

/** One to a thousand dossier ids, as react-admin's bulk actions send `selectedIds`. */
export const dossierIdsSchema = z
  .array(z.number({ error: 'Identifiants de dossiers attendus.' }).int().positive(), { error: 'Identifiants de dossiers attendus.' })
  .min(1, { error: 'Sélectionnez au moins un dossier.' })
  .max(1000, { error: '1000 dossiers au plus à la fois.' });

export const assignRequestSchema = z.object({
  ids: dossierIdsSchema,
  assignee_id: z.number({ error: 'Agent à désigner attendu.' }).int().positive(),
});
export type AssignRequest = z.input<typeof assignRequestSchema>;

export const bulkCloseRequestSchema = z.object({
  ids: dossierIdsSchema,
  reason: z.string().max(2000, { error: 'Motif : 2000 caractères au plus.' }).optional().default(''),
});
export type BulkCloseRequest = z.input<typeof bulkCloseRequestSchema>;

/** Each dossier was handled in its own transaction: how many succeeded, and why each other one did not. */
export const bulkResultSchema = z.strictObject({
  done: z.number().int(),
  refused: z.array(z.strictObject({ id: idSchema, numero: z.string().nullable(), message: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const assigneeSchema = z.strictObject({ id: idSchema, full_name: z.string(), role: z.enum(STAFF_ROLES) });
export type Assignee = z.infer<typeof assigneeSchema>;

/** A dashboard figure: its count, and the dossier list filter and sort that show exactly those dossiers. */
export const dashboardFigureSchema = z.strictObject({
  key: z.enum(['to_close', 'deadline_soon', 'undelivered', 'received_unreviewed', 'not_taken', 'implicit_decision_soon']),
  label: z.string(),
  count: z.number().int(),
  /** The oldest (or nearest) date of the figure, e.g. the oldest passed deadline; its meaning is in `detail`. */
  since: isoInstant.nullable(),
  detail: z.string(),
  filter: z.record(z.string(), z.unknown()),
  sort: z.strictObject({ field: z.enum(DOSSIER_SORT_FIELDS), order: z.enum(['ASC', 'DESC']) }),
});
export type DashboardFigure = z.infer<typeof dashboardFigureSchema>;

export const workloadRowSchema = z.strictObject({
  assignee_id: idSchema,
  full_name: z.string(),
  counts: z.partialRecord(z.enum(STATUSES), z.number().int()),
  total: z.number().int(),
});
export type WorkloadRow = z.infer<typeof workloadRowSchema>;

export const dashboardSchema = z.strictObject({
  prefecture_code: z.string().nullable(),
  generated_at: isoInstant,
  figures: z.array(dashboardFigureSchema),
  workload_statuses: z.array(z.enum(STATUSES)),
  workload: z.array(workloadRowSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const scopeQuerySchema = z.object({
  prefecture_code: z.string().max(3).optional(),
});

export const statisticsQuerySchema = scopeQuerySchema.extend({ from: calendarDay, to: calendarDay });
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

const durationFigures = { count: z.number().int(), median_days: z.number().nullable(), p90_days: z.number().nullable() };

export const statisticsSchema = z.strictObject({
  from: calendarDay,
  to: calendarDay,
  weeks: z.array(
    z.strictObject({
      week_start: calendarDay,
      deposits: z.number().int(),
      completed: z.number().int(),
      closed: z.number().int(),
      ...durationFigures,
    }),
  ),
  /** Over the dossiers declared complete in the period. */
  time_to_complete: z.strictObject(durationFigures),
});
export type Statistics = z.infer<typeof statisticsSchema>;

// Staff administration (admin only)

const email = z
  .string({ error: 'Adresse électronique obligatoire.' })
  .trim()
  .toLowerCase()
  .email({ error: 'Adresse électronique invalide.' });
const fullName = z.string({ error: 'Nom obligatoire.' }).trim().min(1, { error: 'Nom obligatoire.' }).max(200);
const role = z.enum(STAFF_ROLES, { error: 'Rôle invalide : agent, superviseur ou admin.' });
const prefectureCode = z.string().trim().min(1).max(3).nullable();

export const staffCreateSchema = z.object({ email, full_name: fullName, role, prefecture_code: prefectureCode.optional().default(null) });
export type StaffCreate = z.infer<typeof staffCreateSchema>;

export const staffUpdateSchema = z.object({
  full_name: fullName.optional(),
  role: role.optional(),
  prefecture_code: prefectureCode.optional(),
  active: z.boolean({ error: 'Actif : oui ou non attendu.' }).optional(),
});
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

export const staffRecordSchema = z.strictObject({
  id: idSchema,
  email: z.string(),
  full_name: z.string(),
  role,
  prefecture_code: z.string().nullable(),
  active: z.boolean(),
  deactivated_at: isoInstant.nullable(),
  must_change_password: z.boolean(),
  created_at: isoInstant,
});
export type StaffRecord = z.infer<typeof staffRecordSchema>;

/** Shown once to the admin, who hands it over; the person must replace it at the next login. */
export const provisionalPasswordSchema = z.strictObject({ provisional_password: z.string() });
export type ProvisionalPassword = z.infer<typeof provisionalPasswordSchema>;

/** POST /api/staff: the new account, and its provisional password. */
export const staffCreatedSchema = staffRecordSchema.extend(provisionalPasswordSchema.shape);
