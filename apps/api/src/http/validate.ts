import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { badRequest } from './errors.js';

// zod's own messages, for the rare field a schema gives none, are French too.
z.config(z.locales.fr());

type Outcome = { success: true } | { success: false; error: { issues: readonly { message: string }[] } };

/** The one validation hook: the first problem zod finds becomes a French 400 `{ message }`. */
export function firstIssueAsBadRequest(result: Outcome) {
  if (!result.success) throw badRequest(result.error.issues[0]?.message ?? 'Données invalides.');
}

/** `validate('json', schema)` on a route: its handler reads `c.req.valid('json')`, already parsed and typed. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, firstIssueAsBadRequest);
