import type { ApplicantIdentity } from '@em/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ApiError, api } from './api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: ApplicantIdentity }
  | { status: 'unavailable'; message: string };

export const ME_KEY = ['me'] as const;

/** Who is signed in (GET /auth/me; the cookie is HttpOnly): null when nobody is. */
async function fetchMe(): Promise<ApplicantIdentity | null> {
  try {
    return await api.me();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: false });

  const session: SessionState = query.isPending
    ? { status: 'loading' }
    : query.isError
      ? { status: 'unavailable', message: query.error.message }
      : query.data
        ? { status: 'authenticated', user: query.data }
        : { status: 'anonymous' };

  const signedIn = useCallback((user: ApplicantIdentity) => queryClient.setQueryData(ME_KEY, user), [queryClient]);
  const signedOut = useCallback(() => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      signedOut();
    }
  }, [signedOut]);

  return useMemo(() => ({ session, signedIn, signedOut, logout }), [session, signedIn, signedOut, logout]);
}
