import { type PieceKind, type ReviewStatus, reviewLabel } from '@em/domain';
import Chip, { type ChipProps } from '@mui/material/Chip';

const REVIEW_COLORS: Record<ReviewStatus, ChipProps['color']> = {
  a_verifier: 'default',
  conforme: 'success',
  manquant: 'error',
  illisible: 'warning',
  non_conforme: 'error',
};

export function ReviewChip({ kind, status }: { kind: PieceKind; status: ReviewStatus }) {
  return <Chip size="small" color={REVIEW_COLORS[status]} label={reviewLabel(kind, status)} />;
}
