import type { BulkResult } from '@em/contract';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type Identifier, useDataProvider, useListContext, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';

/**
 * A bulk action on the list's selection: the server handles each dossier in its own transaction
 * and says which were refused and why; the list is then refreshed. The selection is cleared once
 * the result has been read (the result dialog lives in the selection's toolbar).
 */
export function useBulkAction<TArg>(
  run: (dataProvider: ConsoleDataProvider, ids: Identifier[], arg: TArg) => Promise<{ data: BulkResult }>,
) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { selectedIds, onUnselectItems } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [result, setResult] = useState<BulkResult | null>(null);
  const mutation = useMutation<BulkResult, Error, TArg>({
    mutationFn: async (arg) => (await run(dataProvider, selectedIds, arg)).data,
    onSuccess: (data) => {
      setResult(data);
      refresh();
    },
    onError: (error) => notify(error.message || 'L’action a échoué. Veuillez réessayer.', { type: 'error' }),
  });
  const clearResult = () => {
    setResult(null);
    onUnselectItems();
  };
  return { mutation, result, clearResult, count: selectedIds.length };
}
