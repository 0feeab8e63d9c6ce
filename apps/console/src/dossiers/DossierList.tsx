import { can } from '@em/domain';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { type SyntheticEvent, useState } from 'react';
import {
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useGetList,
  useListContext,
  usePermissions,
} from 'react-admin';
import { fullName, parisDate } from '../format';
import { DossierListActions } from '../supervision/DossierListActions';
import { FilterSummary, SUMMARIZED_FILTER_KEYS } from '../supervision/FilterSummary';
import { SelectionToolbar } from '../supervision/SelectionToolbar';
import type { Dossier, StaffRole } from '../types';
import { DeadlineField } from './DeadlineField';
import { currentWorkqueue, DEFAULT_WORKQUEUE, WORKQUEUE_FILTER_KEYS, WORKQUEUES, type Workqueue } from './workqueues';

const searchFilter = (
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou numéro" inputProps={{ 'aria-label': 'Rechercher par nom ou numéro' }} />
);
/** The national admin reads every préfecture: they filter by one. */
const prefectureFilter = (
  <ReferenceInput key="prefecture_code" source="prefecture_code" reference="prefectures" alwaysOn>
    <SelectInput label="Préfecture" optionText="name" emptyText="Toutes les préfectures" />
  </ReferenceInput>
);

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
  // A list opened from « Échéances » is narrower than any tab: no tab is shown as selected.
  const fromDashboard = SUMMARIZED_FILTER_KEYS.some((key) => values[key] !== undefined);
  const current = fromDashboard ? false : currentWorkqueue(values) || (values.status === undefined ? DEFAULT_WORKQUEUE : false);
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
      <FilterSummary />
    </>
  );
}

export function DossierList() {
  const { permissions } = usePermissions<StaffRole>();
  const isAdmin = permissions === 'admin';
  const canSelect = permissions ? can(permissions, 'assign') : false;
  return (
    <List<Dossier>
      title="Dossiers"
      filters={isAdmin ? [searchFilter, prefectureFilter] : [searchFilter]}
      filterDefaultValues={{ status: DEFAULT_WORKQUEUE }}
      sort={{ field: 'deposited_at', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<DossierListActions />}
    >
      <WorkqueueTabs />
      {canSelect ? <SelectionToolbar /> : null}
      {/* Scrolls sideways on small screens instead of widening the page. */}
      <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
        {/* Selection checkboxes for supervisors; their actions are in SelectionToolbar, above. */}
        <DataTable<Dossier> rowClick="show" bulkActionButtons={canSelect} bulkActionsToolbar={false}>
          <DataTable.Col source="numero" label="Numéro" />
          {isAdmin ? (
            <DataTable.Col source="prefecture_code" label="Préfecture">
              <ReferenceField source="prefecture_code" reference="prefectures" link={false} />
            </DataTable.Col>
          ) : null}
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
