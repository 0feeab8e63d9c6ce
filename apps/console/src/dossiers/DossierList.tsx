import type { Dossier } from '@em/contract';
import { DEFAULT_WORKQUEUE, findWorkqueue, parisDate, WORKQUEUES, type Workqueue } from '@em/domain';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SyntheticEvent } from 'react';
import { DataTable, List, SearchInput, useGetList, useListContext } from 'react-admin';
import { fullName } from '../format';
import { DeadlineField } from './DeadlineField';
import { currentWorkqueue, workqueueFilter } from './workqueues';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou numéro" inputProps={{ 'aria-label': 'Rechercher par nom ou numéro' }} />,
];

/** The filter keys the tabs own; the others (search) are kept when switching tabs. */
const TAB_FILTER_KEYS = ['queue', 'status'];
const defaultQueue = findWorkqueue(DEFAULT_WORKQUEUE)!;

/** « À traiter (12) »: the count follows the other filters (search) of the list. */
function WorkqueueTabLabel({ queue, filter }: { queue: Workqueue; filter: Record<string, unknown> }) {
  const { total } = useGetList<Dossier>('dossiers', {
    pagination: { page: 1, perPage: 1 },
    sort: queue.defaultSort,
    filter: { ...filter, ...workqueueFilter(queue) },
  });
  return (
    <span>
      {queue.label}
      {total !== undefined ? ` (${total})` : ''}
    </span>
  );
}

function WorkqueueTabs() {
  const { filterValues, setFilters, setSort, displayedFilters } = useListContext<Dossier>();
  const values = filterValues as Record<string, unknown>;
  const current = currentWorkqueue(values);
  const otherFilters = Object.fromEntries(Object.entries(values).filter(([key]) => !TAB_FILTER_KEYS.includes(key)));

  const handleChange = (_event: SyntheticEvent, slug: string) => {
    const queue = findWorkqueue(slug);
    if (!queue) return;
    setFilters({ ...otherFilters, ...workqueueFilter(queue) }, displayedFilters);
    setSort(queue.defaultSort);
  };

  return (
    <>
      <Tabs
        value={current}
        onChange={handleChange}
        variant="scrollable"
        scrollButtons="auto"
        aria-label="Files de travail"
        sx={{ width: 0, minWidth: '100%' }}
      >
        {WORKQUEUES.map((queue) => (
          <Tab key={queue.slug} value={queue.slug} label={<WorkqueueTabLabel queue={queue} filter={otherFilters} />} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
}

export function DossierList() {
  return (
    <List<Dossier>
      title="Dossiers"
      filters={filters}
      filterDefaultValues={workqueueFilter(defaultQueue)}
      sort={defaultQueue.defaultSort}
      perPage={25}
      exporter={false}
      actions={false}
    >
      <WorkqueueTabs />
      {/* Scrolls sideways on small screens instead of widening the page. */}
      <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
        <DataTable<Dossier> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="numero" label="Numéro" />
          <DataTable.Col source="birth_name" label="Nom" render={(record: Dossier) => fullName(record)} />
          <DataTable.Col source="deposited_at" label="Date de dépôt" render={(record: Dossier) => parisDate(record.deposited_at)} />
          <DataTable.Col source="deadline_at" label="Échéance" render={(record: Dossier) => <DeadlineField record={record} />} />
          <DataTable.Col
            source="assignee_name"
            label="Agent"
            disableSort
            render={(record: Dossier) => record.assignee_name ?? 'Non affecté'}
          />
        </DataTable>
      </Box>
    </List>
  );
}
