import type { DossierListItem } from '@em/contract';
import { can, DEFAULT_WORKQUEUE, findWorkqueue, parisDate, type StaffRole, WORKQUEUES, type Workqueue } from '@em/domain';
import Divider from '@mui/material/Divider';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SyntheticEvent } from 'react';
import { DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, useListContext, usePermissions } from 'react-admin';
import { count, fullName } from '../format';
import { HorizontalScroll } from '../layout/HorizontalScroll';
import { DossierListActions } from '../supervision/DossierListActions';
import { FilterSummary, SUMMARIZED_FILTER_KEYS } from '../supervision/FilterSummary';
import { SelectionToolbar } from '../supervision/SelectionToolbar';
import { DeadlineField } from './DeadlineField';
import { ImplicitDecision } from './DossierHeader';
import { NoMatchInQueue, useWorkqueueCount } from './NoMatchInQueue';
import { NumeroLink } from './NumeroLink';
import { useWorkqueueSwitch } from './useWorkqueueSwitch';
import { workqueueFilter } from './workqueues';

const searchFilter = (
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou numéro" inputProps={{ 'aria-label': 'Rechercher par nom ou numéro' }} />
);
/** The national admin reads every préfecture: they filter by one. */
const prefectureFilter = (
  <ReferenceInput key="prefecture_code" source="prefecture_code" reference="prefectures" alwaysOn>
    <SelectInput label="Préfecture" optionText="name" emptyText="Toutes les préfectures" />
  </ReferenceInput>
);

const defaultQueue = findWorkqueue(DEFAULT_WORKQUEUE)!;

/** « À traiter (12) »: the count follows the other filters (search) of the list. */
function WorkqueueTabLabel({ queue, filter }: { queue: Workqueue; filter: Record<string, unknown> }) {
  const total = useWorkqueueCount(queue, filter);
  return (
    <span>
      {queue.label}
      {total !== undefined ? ` (${count(total)})` : ''}
    </span>
  );
}

function WorkqueueTabs() {
  const { current, otherFilters, switchTo } = useWorkqueueSwitch();
  const { filterValues } = useListContext<DossierListItem>();
  // A list opened from « Échéances » without a tab of its own is narrower than any tab: none is shown as selected.
  const fromDashboard = filterValues.queue === undefined && SUMMARIZED_FILTER_KEYS.some((key) => filterValues[key] !== undefined);
  return (
    <>
      {/* The tabs wrap onto a second line rather than hide one and its count out of view. */}
      <Tabs
        value={fromDashboard ? false : current}
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
      <FilterSummary />
    </>
  );
}

export function DossierList() {
  const { permissions } = usePermissions<StaffRole>();
  const isAdmin = permissions === 'admin';
  const canSelect = permissions ? can(permissions, 'assign') : false;
  return (
    <List<DossierListItem>
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
      <HorizontalScroll label="Dossiers">
        {/* Selection checkboxes for supervisors; their actions are in SelectionToolbar, above. */}
        <DataTable<DossierListItem> rowClick="show" bulkActionButtons={canSelect} bulkActionsToolbar={false} empty={<NoMatchInQueue />}>
          <DataTable.Col source="numero" label="Numéro" render={(record: DossierListItem) => <NumeroLink record={record} />} />
          {isAdmin ? (
            <DataTable.Col source="prefecture_code" label="Préfecture">
              <ReferenceField source="prefecture_code" reference="prefectures" link={false} />
            </DataTable.Col>
          ) : null}
          <DataTable.Col source="birth_name" label="Nom" render={(record: DossierListItem) => fullName(record)} />
          <DataTable.Col source="deposited_at" label="Date de dépôt" render={(record: DossierListItem) => parisDate(record.deposited_at)} />
          <DataTable.Col source="deadline_at" label="Échéance" render={(record: DossierListItem) => <DeadlineField record={record} />} />
          <DataTable.Col
            source="implicit_decision_at"
            label="Décision implicite"
            render={(record: DossierListItem) => <ImplicitDecision record={record} />}
          />
          <DataTable.Col
            source="assignee_name"
            label="Agent"
            disableSort
            render={(record: DossierListItem) => record.assignee_name ?? 'Non affecté'}
          />
        </DataTable>
      </HorizontalScroll>
    </List>
  );
}
