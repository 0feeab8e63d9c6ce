import type { ApplicantDossier } from '@em/contract';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api';
import { useSession } from './session';

export type DossierState =
  | { status: 'loading' }
  | { status: 'ready'; dossier: ApplicantDossier }
  | { status: 'none'; message: string }
  | { status: 'error'; message: string };

/**
 * The applicant's dossier (GET /api/usager/dossier). A 401 means the session has ended:
 * the session becomes anonymous and RequireSession sends the applicant to /connexion?suite=<here>.
 */
export function useDossier() {
  const { signedOut } = useSession();
  const [state, setState] = useState<DossierState>({ status: 'loading' });

  const handleError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        signedOut();
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        setState({ status: 'none', message: error.message });
        return;
      }
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    },
    [signedOut],
  );

  const reload = useCallback(async () => {
    try {
      const dossier = await api.dossier();
      setState({ status: 'ready', dossier });
    } catch (error) {
      handleError(error);
    }
  }, [handleError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = useCallback((dossier: ApplicantDossier) => setState({ status: 'ready', dossier }), []);

  return { state, reload, replace, handleError };
}
