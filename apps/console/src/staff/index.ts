import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';
import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';
import { StaffList } from './StaffList';

/** « Comptes »: staff administration, for the national admin only. */
export const staff = {
  list: StaffList,
  create: StaffCreate,
  edit: StaffEdit,
  icon: ManageAccountsIcon,
  options: { label: 'Comptes' },
  recordRepresentation: 'full_name',
} satisfies Omit<ResourceProps, 'name'>;

export default staff;
