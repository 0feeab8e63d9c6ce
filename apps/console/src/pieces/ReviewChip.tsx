import { REVIEW_LABELS, type ReviewStatus } from '@em/domain';
import Chip, { type ChipProps } from '@mui/material/Chip';

const REVIEW_COLORS: Record<ReviewStatus, ChipProps['color']> = {
  a_verifier: 'default',
  conforme: 'success',
  manquant: 'error',
  illisible: 'warning',
  non_conforme: 'error',
};

const isReviewStatus = (value: string): value is ReviewStatus => value in REVIEW_LABELS;

export function ReviewChip({ status }: { status: string }) {
  if (!isReviewStatus(status)) return <Chip size="small" label={status} />;
  return <Chip size="small" color={REVIEW_COLORS[status]} label={REVIEW_LABELS[status]} />;
}
