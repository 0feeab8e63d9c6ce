import { findWorkqueue, WORKQUEUES, type Workqueue, type WorkqueueSlug } from '@em/domain';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { useWorkqueueSwitch } from './useWorkqueueSwitch';

/**
 * How many dossiers each tab holds under the list's other filters (a search…): one request for every
 * tab (GET /api/dossiers/counts), shared by the tabs' labels and the « no match here » hint.
 */
function useWorkqueueCounts(filter: Record<string, unknown>) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['dossiers', 'counts', filter],
    queryFn: () => dataProvider.workqueueCounts(filter).then(({ data }) => data),
    // A new search keeps the former counts in view until its own arrive.
    placeholderData: keepPreviousData,
  }).data;
}

/** How many dossiers of a tab match the list's other filters. */
export function useWorkqueueCount(queue: Workqueue, filter: Record<string, unknown>): number | undefined {
  return useWorkqueueCounts(filter)?.[queue.slug as WorkqueueSlug];
}

function OtherQueueButton({ queue, filter, onSwitch }: { queue: Workqueue; filter: Record<string, unknown>; onSwitch: () => void }) {
  const total = useWorkqueueCount(queue, filter);
  if (!total) return null;
  return (
    <Button size="small" variant="outlined" onClick={onSwitch}>
      {queue.label} ({total})
    </Button>
  );
}

/** The current tab is empty; when a search finds nothing there, say in which tabs it does, one click away. */
export function NoMatchInQueue() {
  const { current, otherFilters, switchTo } = useWorkqueueSwitch();
  const anywhere = useWorkqueueCount(findWorkqueue('all')!, otherFilters);
  const here = current ? findWorkqueue(current)?.label : undefined;
  const others = WORKQUEUES.filter((queue) => queue.slug !== current);
  if (Object.keys(otherFilters).length === 0) {
    return (
      <Alert severity="info" role="status" sx={{ m: 2 }}>
        {here ? `Aucun dossier dans « ${here} ».` : 'Aucun dossier.'}
      </Alert>
    );
  }
  return (
    <Alert severity="info" role="status" sx={{ m: 2 }}>
      {here ? `Aucun dossier ne correspond dans « ${here} ».` : 'Aucun dossier ne correspond.'}
      {anywhere ? (
        <>
          {' '}
          Des dossiers correspondent dans :
          <Box role="group" aria-label="Onglets avec des résultats" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
            {others.map((queue) => (
              <OtherQueueButton key={queue.slug} queue={queue} filter={otherFilters} onSwitch={() => switchTo(queue.slug)} />
            ))}
          </Box>
        </>
      ) : anywhere === 0 && current !== 'all' ? (
        ' Aucun autre onglet n’en contient non plus.'
      ) : null}
    </Alert>
  );
}
