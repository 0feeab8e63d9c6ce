import type {
  ActionReasonBody,
  Assignee,
  AssignRequest,
  BulkCloseRequest,
  BulkResult,
  ComplementPreview,
  Dashboard,
  Dossier,
  ProvisionalPassword,
  ReceivedFileQuery,
  ResendComplementBody,
  Statistics,
  StoredFile,
  WorkqueueCounts,
} from '@em/contract';
import type { ReceiptChannel } from '@em/domain';
import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, HttpError, type Identifier } from 'react-admin';

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
      const message = messageOf(error.body) ?? STATUS_MESSAGES[error.status] ?? `Erreur du serveur (${error.status}). Veuillez réessayer.`;
      throw new HttpError(message, error.status, error.body);
    }
    if (error instanceof TypeError) {
      // fetch() itself failed: network down or server unreachable.
      throw new Error('Le serveur est injoignable. Vérifiez votre connexion et réessayez.');
    }
    throw error;
  }
}

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** A JSON POST (never a bodiless one: the API refuses anything that looks like a cross-site form post). */
async function postJson<T>(
  path: string,
  body: ActionReasonBody | AssignRequest | BulkCloseRequest | ResendComplementBody = {},
): Promise<{ data: T }> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  return { data: json as T };
}

const dossierPath = (id: Identifier) => `/dossiers/${encodeURIComponent(String(id))}`;

/** `{reason}` only when the agent wrote one. */
const withReason = (reason?: string): ActionReasonBody => (reason?.trim() ? { reason: reason.trim() } : {});

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * The simple-rest provider plus the agent's workflow actions; components reach them via
 * `useDataProvider<ConsoleDataProvider>()`. Each action answers the updated dossier.
 */
export interface ConsoleDataProvider extends DataProvider {
  takeDossier(id: Identifier): Promise<{ data: Dossier }>;
  previewComplementRequest(id: Identifier): Promise<{ data: ComplementPreview }>;
  requestComplements(id: Identifier): Promise<{ data: Dossier }>;
  completeDossier(id: Identifier, reason?: string): Promise<{ data: Dossier }>;
  closeDossier(id: Identifier, reason?: string): Promise<{ data: Dossier }>;
  previewResend(id: Identifier, email: string): Promise<{ data: ComplementPreview }>;
  resendComplementRequest(id: Identifier, email: string): Promise<{ data: Dossier }>;
  workqueueCounts(filter: Record<string, unknown>): Promise<{ data: WorkqueueCounts }>;
  dashboard(prefectureCode?: string): Promise<{ data: Dashboard }>;
  statistics(from: string, to: string, prefectureCode?: string): Promise<{ data: Statistics }>;
  assignees(): Promise<{ data: Assignee[] }>;
  assignDossiers(ids: Identifier[], assigneeId: number): Promise<{ data: BulkResult }>;
  closeDossiers(ids: Identifier[], reason?: string): Promise<{ data: BulkResult }>;
  resetStaffPassword(id: Identifier): Promise<{ data: ProvisionalPassword }>;
  changeOwnPassword(password: string, confirmation: string): Promise<{ data: null }>;
  attachReceivedFile(pieceId: Identifier, file: File, via: ReceiptChannel, on: string): Promise<{ data: StoredFile }>;
}

async function getJson<T>(path: string, query: Record<string, string | undefined> = {}): Promise<{ data: T }> {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const { json } = await httpClient(`${API_URL}${path}${search.size ? `?${search}` : ''}`);
  return { data: json as T };
}

/** The CSV export of the list as filtered (a plain link: the browser downloads it with the session cookie). */
export const exportUrl = (filter: Record<string, unknown>) =>
  `${API_URL}/supervision/export?${new URLSearchParams({ filter: JSON.stringify(filter) })}`;

export const dataProvider: ConsoleDataProvider = {
  ...restProvider,
  takeDossier: (id) => postJson<Dossier>(`${dossierPath(id)}/take`),
  async previewComplementRequest(id) {
    const { json } = await httpClient(`${API_URL}${dossierPath(id)}/complement-request/preview`);
    return { data: json as ComplementPreview };
  },
  requestComplements: (id) => postJson<Dossier>(`${dossierPath(id)}/complement-request`),
  completeDossier: (id, reason) => postJson<Dossier>(`${dossierPath(id)}/complete`, withReason(reason)),
  closeDossier: (id, reason) => postJson<Dossier>(`${dossierPath(id)}/close`, withReason(reason)),
  previewResend: (id, email) => getJson<ComplementPreview>(`${dossierPath(id)}/complement-request/resend/preview`, { email }),
  resendComplementRequest: (id, email) => postJson<Dossier>(`${dossierPath(id)}/complement-request/resend`, { email }),
  workqueueCounts: (filter) => getJson<WorkqueueCounts>('/dossiers/counts', { filter: JSON.stringify(filter) }),
  dashboard: (prefectureCode) => getJson<Dashboard>('/supervision/dashboard', { prefecture_code: prefectureCode }),
  statistics: (from, to, prefectureCode) => getJson<Statistics>('/supervision/statistics', { from, to, prefecture_code: prefectureCode }),
  assignees: () => getJson<Assignee[]>('/supervision/assignees'),
  assignDossiers: (ids, assigneeId) => postJson<BulkResult>('/supervision/assign', { ids: ids.map(Number), assignee_id: assigneeId }),
  closeDossiers: (ids, reason) => postJson<BulkResult>('/supervision/close', { ids: ids.map(Number), ...withReason(reason) }),
  resetStaffPassword: (id) => postJson<ProvisionalPassword>(`/staff/${encodeURIComponent(String(id))}/reset-password`),
  async attachReceivedFile(pieceId, file, via, on) {
    const body = new FormData();
    body.set('file', file);
    const receipt = new URLSearchParams({ received_via: via, received_on: on } satisfies ReceivedFileQuery);
    const { json } = await httpClient(`${API_URL}/pieces/${encodeURIComponent(String(pieceId))}/files?${receipt}`, {
      method: 'POST',
      body,
    });
    return { data: json as StoredFile };
  },
  async changeOwnPassword(password, confirmation) {
    await httpClient(`${API_URL}/auth/password`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ password, confirmation }),
    });
    return { data: null };
  },
};
