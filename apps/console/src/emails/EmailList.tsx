import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip, { type ChipProps } from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import { DataTable, ReferenceManyField, useGetOne, useRecordContext } from 'react-admin';
import { parisDateTime } from '../format';
import { Section } from '../layout/Section';
import type { EmailStatus, OutboxEmail } from '../types';

const EMAIL_STATUS: Record<EmailStatus, { label: string; color: ChipProps['color'] }> = {
  queued: { label: 'En attente d’envoi', color: 'default' },
  sent: { label: 'Envoyé', color: 'success' },
  failed: { label: 'Échec', color: 'error' },
  bounced: { label: 'Rejeté par le destinataire', color: 'error' },
};

function EmailStatusChip({ email }: { email: OutboxEmail }) {
  const status = EMAIL_STATUS[email.status] ?? { label: email.status, color: 'default' as const };
  const chip = <Chip size="small" color={status.color} label={status.label} />;
  return email.last_error ? (
    <Tooltip title={email.last_error}>
      <span>{chip}</span>
    </Tooltip>
  ) : (
    chip
  );
}

/** The message as the applicant received it (plain-text version), fetched when the row is expanded. */
function EmailBody() {
  const record = useRecordContext<OutboxEmail>();
  const { data, isPending, error } = useGetOne<OutboxEmail & { text?: string }>('emails', { id: record?.id ?? 0 }, { enabled: !!record });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message || 'Impossible de charger le courriel.'}</Alert>;
  return (
    <Box
      component="pre"
      aria-label={`Contenu du courriel : ${data?.subject ?? ''}`}
      sx={{ m: 0, p: 2, bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1, whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: '0.875rem' }}
    >
      {data?.text || 'Contenu non disponible.'}
    </Box>
  );
}

/** « Courriels »: what was sent to the applicant, and whether it arrived (display only). */
export function EmailList() {
  return (
    <Section id="courriels" title="Courriels">
      {/* width 0 + min-width 100%: the table scrolls instead of widening the whole page on small screens. */}
      <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
        <ReferenceManyField<OutboxEmail>
          reference="emails"
          target="dossier_id"
          sort={{ field: 'id', order: 'DESC' }}
          perPage={50}
          empty={<span>Aucun courriel pour ce dossier.</span>}
        >
          <DataTable<OutboxEmail> bulkActionButtons={false} rowClick="expand" expand={<EmailBody />} expandSingle>
            <DataTable.Col source="created_at" label="Créé le" disableSort render={(email: OutboxEmail) => parisDateTime(email.created_at)} />
            <DataTable.Col source="subject" label="Objet" disableSort />
            <DataTable.Col source="to" label="Destinataire" disableSort />
            <DataTable.Col source="status" label="État" disableSort render={(email: OutboxEmail) => <EmailStatusChip email={email} />} />
            <DataTable.Col source="attempts" label="Tentatives" disableSort />
            <DataTable.Col
              source="sent_at"
              label="Envoyé le"
              disableSort
              render={(email: OutboxEmail) => (email.sent_at ? parisDateTime(email.sent_at) : '—')}
            />
            <DataTable.Col source="last_error" label="Dernière erreur" disableSort render={(email: OutboxEmail) => email.last_error ?? '—'} />
          </DataTable>
        </ReferenceManyField>
      </Box>
    </Section>
  );
}
