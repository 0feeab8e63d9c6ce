import type { OutboxEmail } from '@em/contract';
import type { EmailStatus } from '@em/domain';
import { EMAIL_STATUS_LABELS } from '@em/domain';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';

const STATUS_COLORS: Record<EmailStatus, ChipProps['color']> = {
  queued: 'default',
  sent: 'success',
  failed: 'error',
  bounced: 'error',
};

/** The delivery state as a chip; the provider's last error, if any, in a tooltip. */
export function EmailStatusChip({ email }: { email: Pick<OutboxEmail, 'status' | 'last_error'> }) {
  const chip = <Chip size="small" color={STATUS_COLORS[email.status]} label={EMAIL_STATUS_LABELS[email.status]} />;
  return email.last_error ? (
    <Tooltip title={email.last_error}>
      <span>{chip}</span>
    </Tooltip>
  ) : (
    chip
  );
}
