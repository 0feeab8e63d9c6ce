import { type DataProvider, fetchUtils, HttpError } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

export const API_URL = '/api';

/** French fallbacks when the API answers without a JSON {message}. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Votre session a expiré : veuillez vous reconnecter.',
  403: "Vous n'avez pas les droits nécessaires pour cette action.",
  404: 'Élément introuvable.',
  409: "Cette action n'est plus possible dans l'état actuel du dossier.",
  413: 'Fichier trop volumineux.',
  429: 'Trop de tentatives : veuillez patienter avant de réessayer.',
};

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body) {
    const { message } = body as { message?: unknown };
    if (typeof message === 'string' && message.trim() !== '') return message;
  }
  return undefined;
}

/**
 * fetchJson with the session cookie, and errors whose message is the API's French
 * `{"message": "…"}` (react-admin notifications show `error.message`).
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof HttpError) {
      const message =
        messageOf(error.body) ?? STATUS_MESSAGES[error.status] ?? `Erreur du serveur (${error.status}). Veuillez réessayer.`;
      throw new HttpError(message, error.status, error.body);
    }
    if (error instanceof TypeError) {
      // fetch() itself failed: network down or server unreachable.
      throw new Error('Le serveur est injoignable. Vérifiez votre connexion et réessayez.');
    }
    throw error;
  }
}

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * Custom, typed methods (dossier actions, piece reviews, uploads…) are added to this
 * interface and object as the API exposes them; components reach them via
 * `useDataProvider<ConsoleDataProvider>()`.
 */
export interface ConsoleDataProvider extends DataProvider {}

export const dataProvider: ConsoleDataProvider = {
  ...restProvider,
};
