import { isStatus, STATUS_LABELS, type Status } from '@em/domain';
import Chip, { type ChipProps } from '@mui/material/Chip';

const STATUS_COLORS: Record<Status, ChipProps['color']> = {
  brouillon: 'default',
  deposee: 'info',
  en_examen: 'primary',
  complement_demande: 'warning',
  complement_recu: 'secondary',
  complete: 'success',
  cloturee_incomplete: 'default',
  abandonnee: 'default',
};

export function StatusChip({ status, size = 'small' }: { status: string | null | undefined; size?: ChipProps['size'] }) {
  if (!status) return null;
  if (!isStatus(status)) return <Chip size={size} label={status} />;
  return <Chip size={size} color={STATUS_COLORS[status]} label={STATUS_LABELS[status]} />;
}
