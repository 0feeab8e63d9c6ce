import type { Dossier } from '@em/contract';
import { parisDate } from '@em/domain';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ListButton, Show, TopToolbar, useNotify, useRecordContext, useRedirect, useShowContext } from 'react-admin';
import { EmailList } from '../emails/EmailList';
import { EventTimeline } from '../events/EventTimeline';
import { PieceSection } from '../pieces/PieceSection';
import { DossierActionBar } from './actions/DossierActionBar';
import { DossierAlerts } from './DossierAlerts';
import { DossierHeader } from './DossierHeader';
import { DossierSections } from './DossierSections';
import { StatusChip } from './StatusChip';

function DossierTitle() {
  const record = useRecordContext<Dossier>();
  return <span>{record ? `Dossier n° ${record.numero}` : 'Dossier'}</span>;
}

/** The state, kept in sight in the sticky bar while the agent works far down the page. */
function ToolbarStatus() {
  const record = useRecordContext<Dossier>();
  if (!record) return null;
  return (
    <Box sx={{ display: { xs: 'none', md: 'flex' }, alignItems: 'center', gap: 1 }}>
      <StatusChip status={record.status} />
      {record.deadline_at ? (
        <Typography variant="body2" color={record.deadline_passed ? 'error' : 'text.secondary'}>
          Échéance : {parisDate(record.deadline_at)}
        </Typography>
      ) : null}
    </Box>
  );
}

/** « Retour à la liste » on the left, the workflow buttons the dossier's state allows on the right; sticky under the app bar. */
const DossierActions = () => (
  <TopToolbar
    sx={{
      justifyContent: 'space-between',
      flexWrap: 'wrap',
      gap: 1,
      width: '100%',
      // Reachable while reviewing the pieces far down the page (wide screens: on a phone it would hide too much).
      position: { md: 'sticky' },
      top: { md: 48 },
      zIndex: 2,
      bgcolor: 'background.default',
    }}
  >
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <ListButton label="Retour à la liste" />
      <ToolbarStatus />
    </Box>
    <Box role="toolbar" aria-label="Actions sur le dossier" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, justifyContent: 'flex-end' }}>
      <DossierActionBar />
    </Box>
  </TopToolbar>
);

function DossierShowLayout() {
  const { record, error } = useShowContext<Dossier>();
  if (error) return <Alert severity="error">{error.message || 'Impossible de charger le dossier.'}</Alert>;
  if (!record) return <LinearProgress aria-label="Chargement du dossier" />;
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <DossierAlerts record={record} />
      <DossierHeader record={record} />
      <DossierSections record={record} />
      <PieceSection record={record} />
      <EventTimeline record={record} />
      <EmailList record={record} />
    </Stack>
  );
}

/**
 * The page's own cache entry: lists fill react-admin's cache of single records with their rows
 * (DossierListItem), which lack most of the page; with this key, the page never starts from one.
 */
const WHOLE_RECORD = { record: 'whole' };

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
    <Show<Dossier> title={<DossierTitle />} actions={<DossierActions />} component="div" queryOptions={{ onError, meta: WHOLE_RECORD }}>
      <DossierShowLayout />
    </Show>
  );
}
