import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { ListButton, Show, TopToolbar, useNotify, useRecordContext, useRedirect, useShowContext } from 'react-admin';
import { EmailList } from '../emails/EmailList';
import { EventTimeline } from '../events/EventTimeline';
import { PieceSection } from '../pieces/PieceSection';
import type { Dossier } from '../types';
import { DossierHeader } from './DossierHeader';
import { DossierSections } from './DossierSections';

function DossierTitle() {
  const record = useRecordContext<Dossier>();
  return <span>{record ? `Dossier n° ${record.numero}` : 'Dossier'}</span>;
}

const DossierActions = () => (
  <TopToolbar>
    <ListButton label="Retour à la liste" />
  </TopToolbar>
);

function DossierShowLayout() {
  const { record, error } = useShowContext<Dossier>();
  if (error) return <Alert severity="error">{error.message || 'Impossible de charger le dossier.'}</Alert>;
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <DossierHeader record={record} />
      <DossierSections record={record} />
      <PieceSection record={record} />
      <EventTimeline record={record} />
      <EmailList />
    </Stack>
  );
}

export function DossierShow() {
  const notify = useNotify();
  const redirect = useRedirect();
  // The API's own French message (e.g. « Dossier introuvable. ») rather than react-admin's generic one.
  const onError = (error: Error & { status?: number }) => {
    if (error.status === 401) return; // authProvider.checkError sends the user to the login page.
    notify(error.message || 'ra.notification.item_doesnt_exist', { type: 'error' });
    redirect('list', 'dossiers');
  };
  return (
    <Show<Dossier> title={<DossierTitle />} actions={<DossierActions />} component="div" queryOptions={{ onError }}>
      <DossierShowLayout />
    </Show>
  );
}
