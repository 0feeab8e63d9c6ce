import type { OutboxEmail } from '@em/contract';
import { EMAIL_TEMPLATE_LABELS, parisDateTime } from '@em/domain';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, List, ReferenceField, SearchInput, TextField } from 'react-admin';
import { HorizontalScroll } from '../layout/HorizontalScroll';
import { EmailBody } from './EmailBody';
import { EmailStatusChip } from './emailStatus';
import { refetchWhileQueued } from './useDossierEmails';

const filters = [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder="Destinataire, objet ou numéro"
    inputProps={{ 'aria-label': 'Rechercher par destinataire, objet ou numéro de dossier' }}
  />,
];

function InboxSubtitle() {
  return (
    <Box sx={{ px: { xs: 2, sm: 0 }, pt: 2 }}>
      <Typography variant="h5" component="h1">
        Courriels de la préfecture
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Boîte mail locale (courriels envoyés en l’absence de RESEND_API_KEY). Lorsque Resend est configuré, cette page reste le journal
        d’envoi des courriels de la préfecture. Cliquez sur une ligne pour lire le message.
      </Typography>
    </Box>
  );
}

/** Every e-mail of the user's préfecture, newest first (GET /api/emails), each row opening the message. */
export function EmailInbox() {
  return (
    <>
      <InboxSubtitle />
      <List<OutboxEmail>
        resource="emails"
        title="Boîte mail locale"
        filters={filters}
        sort={{ field: 'created_at', order: 'DESC' }}
        perPage={25}
        exporter={false}
        actions={false}
        queryOptions={{ refetchInterval: refetchWhileQueued }}
      >
        <HorizontalScroll label="Courriels">
          <DataTable<OutboxEmail> bulkActionButtons={false} rowClick="expand" expand={<EmailBody />} expandSingle>
            <DataTable.Col source="created_at" label="Date" disableSort render={(email: OutboxEmail) => parisDateTime(email.created_at)} />
            <DataTable.Col source="to" label="Destinataire" disableSort />
            <DataTable.Col source="subject" label="Objet" disableSort />
            <DataTable.Col
              source="template"
              label="Type"
              disableSort
              render={(email: OutboxEmail) => EMAIL_TEMPLATE_LABELS[email.template]}
            />
            <DataTable.Col source="status" label="Statut" disableSort render={(email: OutboxEmail) => <EmailStatusChip email={email} />} />
            <DataTable.Col source="dossier_id" label="Dossier" disableSort>
              <ReferenceField source="dossier_id" reference="dossiers" link="show" emptyText="—">
                <TextField source="numero" />
              </ReferenceField>
            </DataTable.Col>
          </DataTable>
        </HorizontalScroll>
      </List>
    </>
  );
}
