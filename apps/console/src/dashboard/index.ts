import EventIcon from '@mui/icons-material/Event';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../layout/lazyPage';

/** « Échéances »: declared as a resource so react-admin routes it and puts it in the menu (supervisors and admin only). */
export const dashboard = {
  list: lazyPage(() => import('./DashboardPage').then((m) => m.DashboardPage)),
  icon: EventIcon,
  options: { label: 'Échéances' },
} satisfies Omit<ResourceProps, 'name'>;

export default dashboard;
