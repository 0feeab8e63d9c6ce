import type { OutboxEmail, OutboxEmailWithBody } from '@em/contract';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { useGetOne, useRecordContext } from 'react-admin';
import { EmailContent } from './EmailContent';

/** The list pre-fills react-admin's cache with the row, whose bodies come with GET /api/emails/:id only. */
type EmailInCache = OutboxEmail & Partial<Pick<OutboxEmailWithBody, 'text' | 'html'>>;

/** The message as the applicant received it, fetched when its row is expanded. */
export function EmailBody() {
  const record = useRecordContext<OutboxEmail>();
  const { data, isPending, isFetching, error } = useGetOne<EmailInCache>('emails', { id: record?.id ?? 0 }, { enabled: !!record });
  // The list pre-fills this record without its bodies: wait for the full one.
  const withoutBody = data && data.text === undefined && data.html === undefined;
  if (isPending || (withoutBody && isFetching)) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message || 'Impossible de charger le courriel.'}</Alert>;
  return (
    <Box sx={{ py: 1 }}>
      <EmailContent subject={data.subject} text={data.text} html={data.html} />
    </Box>
  );
}
