import EventIcon from '@mui/icons-material/Event';
import type { ResourceProps } from 'react-admin';
import { DashboardPage } from './DashboardPage';

/** « Échéances »: declared as a resource so react-admin routes it and puts it in the menu (supervisors and admin only). */
export const dashboard = {
  list: DashboardPage,
  icon: EventIcon,
  options: { label: 'Échéances' },
} satisfies Omit<ResourceProps, 'name'>;

export default dashboard;
