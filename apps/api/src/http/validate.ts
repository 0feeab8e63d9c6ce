import type { z } from 'zod';
import { badRequest } from './errors.js';

/** Parses input with a zod schema; the first problem becomes a French 400 `{ message }`. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  if (input === null || input === undefined) throw badRequest('Corps de requête JSON attendu.');
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(result.error.issues[0]?.message ?? 'Données invalides.');
  return result.data;
}
