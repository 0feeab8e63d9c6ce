import { parisDate, STAFF_ROLE_LABELS, type StaffRole } from '@em/domain';
import Chip from '@mui/material/Chip';
import { CreateButton, DataTable, List, ReferenceInput, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { ROLE_CHOICES } from './StaffInputs';

type StaffRow = {
  id: number;
  email: string;
  full_name: string;
  role: StaffRole;
  prefecture_code: string | null;
  active: boolean;
  deactivated_at: string | null;
  must_change_password: boolean;
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou adresse" />,
  <SelectInput key="role" source="role" label="Rôle" choices={ROLE_CHOICES} />,
  <ReferenceInput key="prefecture_code" source="prefecture_code" reference="prefectures">
    <SelectInput label="Préfecture" optionText="name" />
  </ReferenceInput>,
];

/** The staff accounts, for the national admin. */
export function StaffList() {
  return (
    <List
      title="Comptes"
      filters={filters}
      sort={{ field: 'email', order: 'ASC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton label="Nouveau compte" />
        </TopToolbar>
      }
    >
      <DataTable<StaffRow> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="full_name" label="Nom" />
        <DataTable.Col source="email" label="Adresse électronique" />
        <DataTable.Col source="role" label="Rôle" render={(r: StaffRow) => STAFF_ROLE_LABELS[r.role]} />
        <DataTable.Col source="prefecture_code" label="Préfecture" render={(r: StaffRow) => r.prefecture_code ?? '—'} />
        <DataTable.Col
          source="active"
          label="État"
          disableSort
          render={(r: StaffRow) =>
            r.active ? (
              r.must_change_password ? (
                <Chip size="small" label="Mot de passe provisoire" />
              ) : (
                <Chip size="small" color="success" label="Actif" />
              )
            ) : (
              <Chip size="small" color="default" variant="outlined" label={`Désactivé le ${parisDate(r.deactivated_at)}`} />
            )
          }
        />
      </DataTable>
    </List>
  );
}
