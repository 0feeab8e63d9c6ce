import type { Dossier } from '@em/contract';
import { can, DEFAULT_WORKQUEUE, findWorkqueue, parisDate, type StaffRole, WORKQUEUES, type Workqueue } from '@em/domain';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SyntheticEvent } from 'react';
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
import { fullName } from '../format';
import { DossierListActions } from '../supervision/DossierListActions';
import { FilterSummary, SUMMARIZED_FILTER_KEYS } from '../supervision/FilterSummary';
import { SelectionToolbar } from '../supervision/SelectionToolbar';
import { DeadlineField } from './DeadlineField';
import { ImplicitDecision } from './DossierHeader';
import { currentWorkqueue, workqueueFilter } from './workqueues';

const searchFilter = (
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou numéro" inputProps={{ 'aria-label': 'Rechercher par nom ou numéro' }} />
);
/** The national admin reads every préfecture: they filter by one. */
const prefectureFilter = (
  <ReferenceInput key="prefecture_code" source="prefecture_code" reference="prefectures" alwaysOn>
    <SelectInput label="Préfecture" optionText="name" emptyText="Toutes les préfectures" />
  </ReferenceInput>
);

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
  // A list opened from « Échéances » without a tab of its own is narrower than any tab: none is shown as selected.
  const fromDashboard = values.queue === undefined && SUMMARIZED_FILTER_KEYS.some((key) => values[key] !== undefined);
  const current = fromDashboard ? false : currentWorkqueue(values);
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
      filterDefaultValues={workqueueFilter(defaultQueue)}
      sort={defaultQueue.defaultSort}
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
            source="implicit_decision_at"
            label="Décision implicite"
            render={(record: Dossier) => <ImplicitDecision record={record} />}
          />
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
