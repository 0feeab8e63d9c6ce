import type { ApplicantDossier, ApplicantFile, ApplicantIdentity } from '@em/contract';
import { FILE_TOO_LARGE_MESSAGE } from '@em/domain';

/** An error answered by the API: `{ "message": "…" }` with its HTTP status (0 when unreachable). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/api/usager';
const FALLBACK_MESSAGE = 'Une erreur est survenue. Veuillez réessayer.';
const UNREACHABLE_MESSAGE = 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.';

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
  const text = await response.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const message =
      data && typeof data === 'object' && 'message' in data && typeof data.message === 'string' && data.message
        ? data.message
        : response.status === 413
          ? FILE_TOO_LARGE_MESSAGE
          : FALLBACK_MESSAGE;
    throw new ApiError(response.status, message);
  }
  return data as T;
}

export const api = {
  login: (email: string, password: string) => request<ApplicantIdentity>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<ApplicantIdentity>('GET', '/auth/me'),
  changePassword: (password: string, confirmation: string) => request<void>('POST', '/auth/password', { password, confirmation }),
  dossier: () => request<ApplicantDossier>('GET', '/dossier'),
  uploadFile: (pieceId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<ApplicantFile>('POST', `/pieces/${encodeURIComponent(String(pieceId))}/files`, form);
  },
  deleteFile: (fileId: number) => request<void>('DELETE', `/files/${encodeURIComponent(String(fileId))}`),
  replaceEphoto: (ephoto: string) => request<ApplicantDossier>('PUT', '/dossier/ephoto', { ephoto }),
  submitComplements: () => request<ApplicantDossier>('POST', '/dossier/complements'),
};
