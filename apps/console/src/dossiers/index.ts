import FolderSharedIcon from '@mui/icons-material/FolderShared';
import type { ResourceProps } from 'react-admin';
import { DossierList } from './DossierList';
import { DossierShow } from './DossierShow';

export const dossiers = {
  list: DossierList,
  show: DossierShow,
  icon: FolderSharedIcon,
  options: { label: 'Dossiers' },
  recordRepresentation: 'numero',
} satisfies Omit<ResourceProps, 'name'>;

export default dossiers;
