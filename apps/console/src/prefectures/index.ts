import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../layout/lazyPage';

export const prefectures = {
  list: lazyPage(() => import('./PrefectureList').then((m) => m.PrefectureList)),
  edit: lazyPage(() => import('./PrefectureEdit').then((m) => m.PrefectureEdit)),
  show: lazyPage(() => import('./PrefectureShow').then((m) => m.PrefectureShow)),
  icon: AccountBalanceIcon,
  options: { label: 'Préfecture' },
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default prefectures;
