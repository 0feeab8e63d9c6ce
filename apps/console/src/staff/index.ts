import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../layout/lazyPage';

/** « Comptes »: staff administration, for the national admin only. */
export const staff = {
  list: lazyPage(() => import('./StaffList').then((m) => m.StaffList)),
  create: lazyPage(() => import('./StaffCreate').then((m) => m.StaffCreate)),
  edit: lazyPage(() => import('./StaffEdit').then((m) => m.StaffEdit)),
  icon: ManageAccountsIcon,
  options: { label: 'Comptes' },
  recordRepresentation: 'full_name',
} satisfies Omit<ResourceProps, 'name'>;

export default staff;
