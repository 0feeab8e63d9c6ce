import { REVIEW_LABELS, type ReviewStatus } from '@em/domain';
import Chip, { type ChipProps } from '@mui/material/Chip';

const REVIEW_COLORS: Record<ReviewStatus, ChipProps['color']> = {
  a_verifier: 'default',
  conforme: 'success',
  manquant: 'error',
  illisible: 'warning',
  non_conforme: 'error',
};

export function ReviewChip({ status }: { status: ReviewStatus }) {
  return <Chip size="small" color={REVIEW_COLORS[status]} label={REVIEW_LABELS[status]} />;
}
