import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { badRequest, HttpError } from './errors.js';

// zod's own messages, for the rare field a schema gives none, are French too.
z.config(z.locales.fr());

type Issues = { issues: readonly { message: string; path: readonly PropertyKey[] }[] };
type Outcome = { success: true } | { success: false; error: Issues };

/** A refused input: the first problem as `message`, and each field's first problem by its path. */
export function invalidInput(error: Issues): HttpError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.')] ??= issue.message;
  return new HttpError(400, error.issues[0]?.message ?? 'Données invalides.', fields);
}

/** The one validation hook: the first problem zod finds becomes a French 400 `{ message }`. */
export function firstIssueAsBadRequest(result: Outcome) {
  if (!result.success) throw badRequest(result.error.issues[0]?.message ?? 'Données invalides.');
}

/** For the forms the portal shows field by field: the 400 also carries `fields`, each field's problem by its path. */
function everyIssueAsBadRequest(result: Outcome) {
  if (!result.success) throw invalidInput(result.error);
}

/** For a schema that depends on the request (today's date, a saved birth date): parsed in the handler, refused the same way. */
export function parseOrRefuse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/** `validate('json', schema)` on a route: its handler reads `c.req.valid('json')`, already parsed and typed. */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, firstIssueAsBadRequest);

/** `validate`, answering `{ message, fields }`. */
export const validateForm = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, everyIssueAsBadRequest);
