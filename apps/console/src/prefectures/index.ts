import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { ResourceProps } from 'react-admin';
import { PrefectureEdit } from './PrefectureEdit';
import { PrefectureList } from './PrefectureList';

export const prefectures = {
  list: PrefectureList,
  edit: PrefectureEdit,
  icon: AccountBalanceIcon,
  options: { label: 'Préfecture' },
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default prefectures;
