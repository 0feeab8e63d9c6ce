import type { ApplicantDossier } from '@em/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api } from './api';

export type DossierState =
  | { status: 'loading' }
  | { status: 'ready'; dossier: ApplicantDossier }
  | { status: 'none'; message: string }
  | { status: 'error'; message: string };

export const DOSSIER_KEY = ['dossier'] as const;

/** The applicant's latest dossier (GET /api/usager/dossier). A 401 ends the session (see main.tsx). */
export function useDossier() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: DOSSIER_KEY, queryFn: api.dossier, retry: false });

  const state: DossierState = query.isPending
    ? { status: 'loading' }
    : query.isError
      ? query.error instanceof ApiError && query.error.status === 404
        ? { status: 'none', message: query.error.message }
        : { status: 'error', message: query.error.message }
      : { status: 'ready', dossier: query.data };

  const reload = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: DOSSIER_KEY });
  }, [queryClient]);
  const replace = useCallback((dossier: ApplicantDossier) => queryClient.setQueryData(DOSSIER_KEY, dossier), [queryClient]);

  return { state, reload, replace };
}
