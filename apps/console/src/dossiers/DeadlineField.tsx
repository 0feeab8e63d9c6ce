import type { Dossier } from '@em/contract';
import { parisDate } from '@em/domain';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { ReactNode } from 'react';

type DeadlineFields = Pick<
  Dossier,
  | 'status'
  | 'deadline_at'
  | 'deadline_passed'
  | 'complement_email_status'
  | 'complement_email_undelivered'
  | 'request_deadline_at'
  | 'answered_at'
  | 'answered_late'
>;

const Line = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
    {children}
  </Box>
);

/** « hors délai »: complements deposited after the deadline, before closure. */
export const LateChip = () => <Chip size="small" color="warning" label="hors délai" />;

/**
 * The complement deadline as an agent needs it: not started while the request's e-mail has not
 * reached the applicant; the date, red once passed; once answered, the deadline and the answer's
 * date, « hors délai » when late.
 */
export function DeadlineField({ record }: { record: DeadlineFields }) {
  if (record.status === 'complement_demande' && !record.deadline_at) {
    return (
      <Line>
        <span>Délai non commencé</span>
        <Chip
          size="small"
          color={record.complement_email_undelivered ? 'warning' : 'default'}
          label={record.complement_email_undelivered ? 'Courriel non remis' : 'Envoi en cours'}
        />
      </Line>
    );
  }
  if (record.status === 'complement_recu' && record.answered_at) {
    return (
      <Line>
        <span>
          {parisDate(record.request_deadline_at)} · reçus le {parisDate(record.answered_at)}
        </span>
        {record.answered_late ? <LateChip /> : null}
      </Line>
    );
  }
  if (!record.deadline_at) return <span>—</span>;
  return (
    <Line>
      <span>{parisDate(record.deadline_at)}</span>
      {record.deadline_passed ? <Chip size="small" color="error" label="Délai dépassé" /> : null}
      {record.complement_email_undelivered ? <Chip size="small" color="warning" label="Courriel non remis" /> : null}
    </Line>
  );
}
