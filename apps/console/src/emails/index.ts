import MarkunreadMailboxIcon from '@mui/icons-material/MarkunreadMailbox';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../layout/lazyPage';

/** « Boîte mail locale »: the préfecture's outbox, also used by the dossier page's « Courriels ». */
export const emails = {
  list: lazyPage(() => import('./EmailInbox').then((m) => m.EmailInbox)),
  icon: MarkunreadMailboxIcon,
  options: { label: 'Boîte mail locale' },
  recordRepresentation: 'subject',
} satisfies Omit<ResourceProps, 'name'>;

export default emails;
