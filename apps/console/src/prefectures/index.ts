import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { ResourceProps } from 'react-admin';
import { PrefectureEdit } from './PrefectureEdit';
import { PrefectureList } from './PrefectureList';
import { PrefectureShow } from './PrefectureShow';

export const prefectures = {
  list: PrefectureList,
  edit: PrefectureEdit,
  show: PrefectureShow,
  icon: AccountBalanceIcon,
  options: { label: 'Préfecture' },
  recordRepresentation: 'name',
} satisfies Omit<ResourceProps, 'name'>;

export default prefectures;
