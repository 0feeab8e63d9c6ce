import FolderSharedIcon from '@mui/icons-material/FolderShared';
import type { ResourceProps } from 'react-admin';
import { lazyPage } from '../layout/lazyPage';
import { DossierList } from './DossierList';

export const dossiers = {
  list: DossierList,
  show: lazyPage(() => import('./DossierShow').then((m) => m.DossierShow)),
  icon: FolderSharedIcon,
  options: { label: 'Dossiers' },
  recordRepresentation: 'numero',
} satisfies Omit<ResourceProps, 'name'>;

export default dossiers;
