import type { Dossier, OutboxEmail } from '@em/contract';
import { EMAIL_TEMPLATE_LABELS, parisDateTime } from '@em/domain';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { DataTable, ListContextProvider, useList } from 'react-admin';
import { HorizontalScroll } from '../layout/HorizontalScroll';
import { Section } from '../layout/Section';
import { EmailBody } from './EmailBody';
import { EmailStatusChip } from './emailStatus';
import { useDossierEmails } from './useDossierEmails';

/** « Courriels »: what was sent to the applicant, and whether it arrived; a row expands to the message. */
export function EmailList({ record }: { record: Dossier }) {
  const { data, isPending, error } = useDossierEmails(record.id);
  const listContext = useList<OutboxEmail>({ data: data ?? [], isPending });
  return (
    <Section id="courriels" title="Courriels">
      {isPending ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{error.message || 'Impossible de charger les courriels.'}</Alert> : null}
      {!isPending && !error && (data ?? []).length === 0 ? <span>Aucun courriel pour ce dossier.</span> : null}
      {/* width 0 + min-width 100%: the table scrolls instead of widening the whole page on small screens. */}
      {data?.length ? (
        <HorizontalScroll label="Courriels du dossier">
          <ListContextProvider value={listContext}>
            <DataTable<OutboxEmail> resource="emails" bulkActionButtons={false} rowClick="expand" expand={<EmailBody />} expandSingle>
              <DataTable.Col
                source="created_at"
                label="Créé le"
                disableSort
                render={(email: OutboxEmail) => parisDateTime(email.created_at)}
              />
              <DataTable.Col
                source="template"
                label="Type"
                disableSort
                render={(email: OutboxEmail) => EMAIL_TEMPLATE_LABELS[email.template]}
              />
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
              <DataTable.Col
                source="last_error"
                label="Dernière erreur"
                disableSort
                render={(email: OutboxEmail) => email.last_error ?? '—'}
              />
            </DataTable>
          </ListContextProvider>
        </HorizontalScroll>
      ) : null}
    </Section>
  );
}
