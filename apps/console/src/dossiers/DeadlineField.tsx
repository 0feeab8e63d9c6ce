import type { Dossier } from '@em/contract';
import { parisDate } from '@em/domain';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';

/**
 * Deadline date (Paris), a red « Délai dépassé » chip once it has passed, and a warning when the
 * request e-mail never reached the applicant (the deadline runs on a message they did not get).
 */
export function DeadlineField({ record }: { record: Pick<Dossier, 'deadline_at' | 'deadline_passed' | 'complement_email_undelivered'> }) {
  if (!record.deadline_at) return <span>—</span>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <span>{parisDate(record.deadline_at)}</span>
      {record.deadline_passed ? <Chip size="small" color="error" label="Délai dépassé" /> : null}
      {record.complement_email_undelivered ? <Chip size="small" color="warning" label="Courriel non remis" /> : null}
    </Box>
  );
}
