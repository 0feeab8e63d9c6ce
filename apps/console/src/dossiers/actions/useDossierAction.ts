import type { Dossier } from '@em/contract';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../../dataProvider';

type Run<TArg> = (dataProvider: ConsoleDataProvider, dossier: Dossier, arg: TArg) => Promise<unknown>;

/**
 * One workflow action on the dossier of the record context: calls the data provider, notifies
 * (the API's French message on failure), then refreshes the page so the status, the pieces, the
 * history and the e-mails show what the server now holds. Nothing is shown as done before the
 * server says so. `onDone` runs after success, and after a 409/404 (the action no longer applies).
 */
export function useDossierAction<TArg = void>(run: Run<TArg>, successMessage: string, onDone?: (succeeded: boolean) => void) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const record = useRecordContext<Dossier>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation<unknown, Error & { status?: number }, TArg>({
    mutationFn: (arg: TArg) => {
      if (!record) return Promise.reject(new Error('Dossier non chargé.'));
      return run(dataProvider, record, arg);
    },
    onSuccess: () => {
      notify(successMessage, { type: 'success' });
      onDone?.(true);
      refresh();
    },
    onError: (error) => {
      notify(error.message || 'L’action a échoué. Veuillez réessayer.', { type: 'error' });
      // Someone else may have changed the dossier (409) or it left our scope (404): show its real state.
      if (error.status === 409 || error.status === 404) {
        onDone?.(false);
        refresh();
      }
    },
  });
}
