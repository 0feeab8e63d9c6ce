import { ACTOR_ROLES, EVENT_ACTIONS } from '@em/domain';
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** One line of a dossier's append-only history (GET /api/events, /api/events/:id). */
export const dossierEventSchema = z.strictObject({
  id: idSchema,
  dossier_id: idSchema,
  at: instantSchema,
  actor_label: z.string(),
  actor_role: z.enum(ACTOR_ROLES),
  action: z.enum(EVENT_ACTIONS),
  /** A dossier status or a review status before and after, when the event changed one. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  reason: z.string(),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;
