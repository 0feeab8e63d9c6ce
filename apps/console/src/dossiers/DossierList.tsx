import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { type SyntheticEvent, useState } from 'react';
import { DataTable, List, SearchInput, useGetList, useListContext } from 'react-admin';
import { fullName, parisDate } from '../format';
import type { Dossier } from '../types';
import { DeadlineField } from './DeadlineField';
import { currentWorkqueue, DEFAULT_WORKQUEUE, WORKQUEUE_FILTER_KEYS, WORKQUEUES, type Workqueue } from './workqueues';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou numéro" inputProps={{ 'aria-label': 'Rechercher par nom ou numéro' }} />,
];

/** « À traiter (12) »: the count follows the other filters (search) of the list. */
function WorkqueueTabLabel({ queue, filter, now }: { queue: Workqueue; filter: Record<string, unknown>; now: string }) {
  const { total } = useGetList<Dossier>('dossiers', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'deposited_at', order: 'ASC' },
    filter: { ...filter, ...queue.filter(now) },
  });
  return (
    <span>
      {queue.label}
      {total !== undefined ? ` (${total})` : ''}
    </span>
  );
}

function WorkqueueTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext<Dossier>();
  // Fixed while the list is shown: the « Délai dépassé » count keeps one query instead of a new one per render.
  const [now] = useState(() => new Date().toISOString());
  const values = filterValues as Record<string, unknown>;
  const current = currentWorkqueue(values) || (values.status === undefined ? DEFAULT_WORKQUEUE : false);
  const otherFilters = Object.fromEntries(
    Object.entries(values).filter(([key]) => !(WORKQUEUE_FILTER_KEYS as readonly string[]).includes(key)),
  );

  const handleChange = (_event: SyntheticEvent, key: string) => {
    const queue = WORKQUEUES.find((candidate) => candidate.key === key);
    if (queue) setFilters({ ...otherFilters, ...queue.filter(new Date().toISOString()) }, displayedFilters);
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
          <Tab key={queue.key} value={queue.key} label={<WorkqueueTabLabel queue={queue} filter={otherFilters} now={now} />} />
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
      filterDefaultValues={{ status: DEFAULT_WORKQUEUE }}
      sort={{ field: 'deposited_at', order: 'ASC' }}
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
