import type {
  AccountResponse,
  ApplicantDossier,
  ApplicantFile,
  ApplicantIdentity,
  Commune,
  DepositResponse,
  Draft,
  DraftFile,
} from '@em/contract';
import { FILE_TOO_LARGE_MESSAGE } from '@em/domain';

type Id = number;

/**
 * An error answered by the API: `{ "message": "…" }` with its HTTP status (0 when unreachable),
 * and, for a refused form, the message of each field by its path (`etatCivil.birthName`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/api/usager';

let onUnauthorized: () => void = () => {};
/** Called on any 401 but the login's own: the session ended (expired, or ended elsewhere). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}
const reportUnauthorized = (status: number, path: string) => {
  if (status === 401 && path !== '/auth/login' && path !== '/auth/me') onUnauthorized();
};
const FALLBACK_MESSAGE = 'Une erreur est survenue. Veuillez réessayer.';
const UNREACHABLE_MESSAGE = 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.';

function errorOf(status: number, data: unknown): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as { message?: unknown; fields?: unknown };
  const message =
    typeof body.message === 'string' && body.message ? body.message : status === 413 ? FILE_TOO_LARGE_MESSAGE : FALLBACK_MESSAGE;
  const fields = body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, string>) : {};
  return new ApiError(status, message, fields);
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    init.body = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0, UNREACHABLE_MESSAGE);
  }
  const data = parse(await response.text());
  reportUnauthorized(response.status, path);
  if (!response.ok) throw errorOf(response.status, data);
  return data as T;
}

/** An upload through XMLHttpRequest, the only browser API that reports upload progress. */
function upload<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const data = parse(xhr.responseText);
      reportUnauthorized(xhr.status, path);
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(errorOf(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, UNREACHABLE_MESSAGE));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const id = (value: Id | string) => encodeURIComponent(String(value));
const demande = (draftId: Id, rest = '') => `/demandes/${id(draftId)}${rest}`;

export const api = {
  login: (email: string, password: string) => request<ApplicantIdentity>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<ApplicantIdentity>('GET', '/auth/me'),
  changePassword: (body: { current?: string; password: string; confirmation: string }) => request<void>('POST', '/auth/password', body),
  createAccount: (email: string, confirmation: string) => request<AccountResponse>('POST', '/compte', { email, confirmation }),
  forgotPassword: (email: string) => request<{ message: string }>('POST', '/compte/mot-de-passe-oublie', { email }),
  resetPasswordByLink: (token: string, password: string, confirmation: string) =>
    request<{ message: string }>('POST', '/compte/nouveau-mot-de-passe', { token, password, confirmation }),

  dossier: () => request<ApplicantDossier>('GET', '/dossier'),
  uploadFile: (pieceId: Id, file: File, onProgress: (percent: number) => void) =>
    upload<ApplicantFile>(`/pieces/${id(pieceId)}/files`, file, onProgress),
  deleteFile: (fileId: Id) => request<void>('DELETE', `/files/${id(fileId)}`),
  replaceEphoto: (ephoto: string) => request<ApplicantDossier>('PUT', '/dossier/ephoto', { ephoto }),
  removeNewEphoto: () => request<ApplicantDossier>('DELETE', '/dossier/ephoto'),
  submitComplements: () => request<ApplicantDossier>('POST', '/dossier/complements'),

  draft: () => request<Draft>('GET', '/demandes/brouillon'),
  startDraft: (situation: string) => request<Draft>('POST', '/demandes', { situation }),
  savePersonal: (draftId: Id, body: unknown) => request<Draft>('PUT', demande(draftId, '/informations-personnelles'), body),
  saveMotif: (draftId: Id, body: unknown) => request<Draft>('PUT', demande(draftId, '/motif'), body),
  saveJustificatifs: (draftId: Id, ephoto: string) => request<Draft>('PUT', demande(draftId, '/justificatifs'), { ephoto }),
  uploadDraftFile: (draftId: Id, code: string, file: File, onProgress: (percent: number) => void) =>
    upload<DraftFile>(demande(draftId, `/pieces/${id(code)}/fichiers`), file, onProgress),
  deleteDraftFile: (draftId: Id, fileId: Id) => request<void>('DELETE', demande(draftId, `/fichiers/${id(fileId)}`)),
  abandon: (draftId: Id) => request<Draft>('POST', demande(draftId, '/abandon')),
  deposit: (draftId: Id, observations: string) => request<DepositResponse>('POST', demande(draftId, '/depot'), { observations }),
  communes: (query: string) => request<Commune[]>('GET', `/communes?q=${encodeURIComponent(query)}`),
};
