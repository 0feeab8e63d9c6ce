import type { ApplicantIdentity } from '@em/contract';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from './api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: ApplicantIdentity }
  | { status: 'unavailable'; message: string };

type SessionContextValue = {
  session: SessionState;
  signedIn: (user: ApplicantIdentity) => void;
  signedOut: () => void;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** Who is signed in, asked once to GET /auth/me (the cookie is HttpOnly). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    api
      .me()
      .then((user) => !cancelled && setSession({ status: 'authenticated', user }))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setSession({ status: 'anonymous' });
        } else {
          setSession({ status: 'unavailable', message: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const signedIn = useCallback((user: ApplicantIdentity) => setSession({ status: 'authenticated', user }), []);
  const signedOut = useCallback(() => setSession({ status: 'anonymous' }), []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSession({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ session, signedIn, signedOut, logout }), [session, signedIn, signedOut, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
