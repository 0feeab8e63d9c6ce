import type { StaffIdentity } from '@em/contract';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { API_URL } from './dataProvider';

/** The user returned by the last successful login or /auth/me, to spare a request per identity lookup. */
let currentUser: StaffIdentity | null = null;

class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function readMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not JSON: keep the fallback.
  }
  return fallback;
}

async function fetchMe(): Promise<StaffIdentity> {
  const response = await fetch(`${API_URL}/auth/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    currentUser = null;
    throw new AuthError(await readMessage(response, 'Veuillez vous connecter.'), response.status);
  }
  currentUser = (await response.json()) as StaffIdentity;
  return currentUser;
}

async function getUser(): Promise<StaffIdentity> {
  return currentUser ?? fetchMe();
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    let response: Response;
    try {
      response = await fetch(`${API_URL}/auth/login`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: (email ?? username ?? '').trim(), password }),
      });
    } catch {
      throw new Error('Le serveur est injoignable. Vérifiez votre connexion et réessayez.');
    }
    if (!response.ok) {
      const fallback =
        response.status === 429
          ? 'Trop de tentatives de connexion : veuillez patienter avant de réessayer.'
          : response.status === 401
            ? 'Identifiant ou mot de passe incorrect.'
            : 'La connexion a échoué. Veuillez réessayer.';
      throw new Error(await readMessage(response, fallback));
    }
    currentUser = (await response.json()) as StaffIdentity;
  },

  async logout() {
    currentUser = null;
    try {
      await fetch(`${API_URL}/auth/logout`, {
        method: 'POST',
        credentials: 'same-origin',
        // A JSON POST, as every POST to the API (never mistaken for a cross-site form post).
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
    } catch {
      // Already logged out or unreachable: the login page is shown anyway.
    }
  },

  async checkAuth() {
    // Re-asked at each navigation: a session revoked server-side is noticed promptly.
    await fetchMe();
  },

  async checkError(error: { status?: number } | undefined) {
    // Only a missing or expired session logs out; 403, 404 and 409 are ordinary errors.
    if (error?.status === 401) {
      currentUser = null;
      throw new Error('Votre session a expiré : veuillez vous reconnecter.');
    }
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await getUser();
    return { id: user.id, fullName: user.full_name, email: user.email, role: user.role, prefectureCode: user.prefecture_code };
  },

  async getPermissions() {
    const user = await getUser();
    return user.role;
  },
};
