import type { Dossier } from '@em/contract';
import { DEFAULT_WORKQUEUE, findWorkqueue, parisDate, WORKQUEUES, type Workqueue } from '@em/domain';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SyntheticEvent } from 'react';
import { DataTable, List, SearchInput } from 'react-admin';
import { fullName } from '../format';
import { HorizontalScroll } from '../layout/HorizontalScroll';
import { DeadlineField } from './DeadlineField';
import { NoMatchInQueue, useWorkqueueCount } from './NoMatchInQueue';
import { NumeroLink } from './NumeroLink';
import { useWorkqueueSwitch } from './useWorkqueueSwitch';
import { workqueueFilter } from './workqueues';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou numéro" inputProps={{ 'aria-label': 'Rechercher par nom ou numéro' }} />,
];

const defaultQueue = findWorkqueue(DEFAULT_WORKQUEUE)!;

/** « À traiter (12) »: the count follows the other filters (search) of the list. */
function WorkqueueTabLabel({ queue, filter }: { queue: Workqueue; filter: Record<string, unknown> }) {
  const total = useWorkqueueCount(queue, filter);
  return (
    <span>
      {queue.label}
      {total !== undefined ? ` (${total})` : ''}
    </span>
  );
}

function WorkqueueTabs() {
  const { current, otherFilters, switchTo } = useWorkqueueSwitch();
  return (
    <>
      {/* The tabs wrap onto a second line rather than hide one and its count out of view. */}
      <Tabs
        value={current}
        onChange={(_event: SyntheticEvent, slug: string) => switchTo(slug)}
        aria-label="Files de travail"
        slotProps={{ indicator: { hidden: true } }}
        sx={{
          '& .MuiTabs-flexContainer': { flexWrap: 'wrap' },
          '& .MuiTab-root.Mui-selected': { boxShadow: (theme) => `inset 0 -3px 0 ${theme.palette.primary.main}` },
        }}
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
      <HorizontalScroll label="Dossiers">
        <DataTable<Dossier> rowClick="show" bulkActionButtons={false} empty={<NoMatchInQueue />}>
          <DataTable.Col source="numero" label="Numéro" render={(record: Dossier) => <NumeroLink record={record} />} />
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
      </HorizontalScroll>
    </List>
  );
}
