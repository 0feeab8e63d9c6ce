import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { parisDate } from '../format';
import type { Dossier } from '../types';

/** Deadline date (Paris) and, once it has passed, a red « Délai dépassé » chip. */
export function DeadlineField({ record }: { record: Pick<Dossier, 'deadline_at' | 'deadline_passed'> }) {
  if (!record.deadline_at) return <span>—</span>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <span>{parisDate(record.deadline_at)}</span>
      {record.deadline_passed ? <Chip size="small" color="error" label="Délai dépassé" /> : null}
    </Box>
  );
}
