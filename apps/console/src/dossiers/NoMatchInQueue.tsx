import type { DossierListItem } from '@em/contract';
import { findWorkqueue, WORKQUEUES, type Workqueue } from '@em/domain';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useGetList } from 'react-admin';
import { useWorkqueueSwitch } from './useWorkqueueSwitch';
import { workqueueFilter } from './workqueues';

/** How many dossiers of a tab match the list's other filters: the same query as the tab's count (one cache entry). */
export function useWorkqueueCount(queue: Workqueue, filter: Record<string, unknown>) {
  return useGetList<DossierListItem>('dossiers', {
    pagination: { page: 1, perPage: 1 },
    sort: queue.defaultSort,
    filter: { ...filter, ...workqueueFilter(queue) },
  }).total;
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
