import { EMAIL_STATUSES, EMAIL_TEMPLATES } from '@em/domain';
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** An outbox row and its delivery state, without its bodies (GET /api/emails). */
export const outboxEmailSchema = z.strictObject({
  id: idSchema,
  /** Null for the account e-mails (creation, « Mot de passe oublié ? »), shown to the national admin only. */
  dossier_id: idSchema.nullable(),
  template: z.enum(EMAIL_TEMPLATES),
  to: z.string(),
  subject: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int().nonnegative(),
  last_error: z.string().nullable(),
  created_at: instantSchema,
  sent_at: instantSchema.nullable(),
});
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;

/** One outbox row with the message as the applicant receives it (GET /api/emails/:id). */
export const outboxEmailWithBodySchema = outboxEmailSchema.extend({ text: z.string(), html: z.string() });
export type OutboxEmailWithBody = z.infer<typeof outboxEmailWithBodySchema>;
