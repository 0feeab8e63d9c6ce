import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error the user is meant to read: its message is French and goes out as `{ message }`; a
 * refused form also says each field's problem by its path (`{ fields: { 'etatCivil.birthName': … } }`).
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) => new HttpError(400, message, fields);
export const unauthorized = (message = 'Vous devez vous connecter.') => new HttpError(401, message);
export const forbidden = (message = "Vous n'avez pas les droits pour cette action.") => new HttpError(403, message);
export const notFound = (message = 'Ressource introuvable.') => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
