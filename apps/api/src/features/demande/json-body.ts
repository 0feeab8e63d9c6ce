import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type { z } from 'zod';

/**
 * A refused body: the first problem as `message` (what the API always answers), and every problem
 * by field path (`etatCivil.birthName`) so the portal can show each one next to its field.
 */
export function validationErrorBody(error: z.core.$ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.')] ??= issue.message;
  return { message: error.issues[0]?.message ?? 'Données invalides.', fields };
}

/** @hono/zod-validator on the JSON body, answering a French 400 `{ message, fields }`. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json(validationErrorBody(result.error), 400);
  });
}

/** For schemas that depend on the request (today's date, the saved birth date): parse in the handler. */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S) {
  const body = await c.req.json().catch(() => undefined);
  const result = schema.safeParse(body ?? {});
  return result.success ? ({ ok: true, data: result.data } as const) : ({ ok: false, body: validationErrorBody(result.error) } as const);
}
