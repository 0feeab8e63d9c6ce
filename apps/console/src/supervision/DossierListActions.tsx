import type { StaffRole } from '@em/domain';
import { can } from '@em/domain';
import DownloadIcon from '@mui/icons-material/Download';
import PersonIcon from '@mui/icons-material/Person';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import { TopToolbar, useGetIdentity, useListContext, usePermissions } from 'react-admin';
import { exportUrl } from '../dataProvider';

/** « Mes dossiers »: the list narrowed to the dossiers the person holds, in every tab. */
function MineToggle() {
  const { identity } = useGetIdentity();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  if (!identity) return null;
  const mine = filterValues.assignee_id === identity.id;
  const toggle = () => {
    const { assignee_id: _previous, ...others } = filterValues;
    setFilters(mine ? others : { ...others, assignee_id: identity.id }, displayedFilters);
  };
  return (
    <ToggleButton value="mine" size="small" selected={mine} onChange={toggle} color="primary" sx={{ py: 0.5 }}>
      <PersonIcon fontSize="small" sx={{ mr: 0.5 }} />
      Mes dossiers
    </ToggleButton>
  );
}

/** The list exactly as filtered, as a CSV file (the server streams it within the user's scope). */
function ExportButton() {
  const { filterValues, total } = useListContext();
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={exportUrl(filterValues)} download disabled={!total}>
      Exporter (CSV)
    </Button>
  );
}

export function DossierListActions() {
  const { permissions } = usePermissions<StaffRole>();
  if (!permissions) return null;
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {can(permissions, 'decide') ? <MineToggle /> : null}
      {can(permissions, 'export') ? <ExportButton /> : null}
    </TopToolbar>
  );
}
