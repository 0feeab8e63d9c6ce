import type { Dossier } from '@em/contract';
import { parisLongDate } from '@em/domain';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useEffect } from 'react';
import { useRefresh } from 'react-admin';
import { useDossierEmails } from '../emails/useDossierEmails';
import { ResendRequestButton } from './actions/ResendRequestButton';

/** Red banner once the applicant's complement deadline has passed without an answer. */
function DeadlinePassedBanner({ record }: { record: Dossier }) {
  if (record.status !== 'complement_demande' || !record.deadline_passed) return null;
  const closable = record.allowed_actions.includes('close_incomplete');
  return (
    <Alert severity="error" variant="filled" role="alert">
      <AlertTitle>Délai dépassé</AlertTitle>
      L’usager devait déposer les pièces demandées au plus tard le {parisLongDate(record.deadline_at)} (23 h 59, heure de Paris). Les
      compléments n’ont pas été déposés{closable ? ' : le dossier peut être clôturé comme incomplet.' : '.'}
    </Alert>
  );
}

/**
 * Domain §5: the deadline runs only from a request the applicant was sent. While its e-mail has
 * not been accepted for delivery, or came back, the dossier cannot be closed: the agent corrects the
 * address and sends it again.
 */
function RequestDeliveryAlert({ record }: { record: Dossier }) {
  const { data } = useDossierEmails(record.id);
  const refresh = useRefresh();
  // Newest first: the e-mail of the request in progress.
  const latest = data?.find((email) => email.template === 'complement_request');
  const delivered = record.complement_email_status === 'queued' && latest?.status !== undefined && latest.status !== 'queued';
  // The e-mails are polled while one is queued: once it leaves, the dossier is read again for its deadline.
  useEffect(() => {
    if (delivered) refresh();
  }, [delivered, refresh]);
  if (record.status !== 'complement_demande' || record.complement_email_status === 'sent') return null;
  if (record.complement_email_status === 'queued') {
    return (
      <Alert severity="info" role="status">
        Courriel de demande de pièces en cours d’envoi : le délai de 15 jours de l’usager commencera à courir à son envoi.
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" action={<ResendRequestButton record={record} />}>
      <AlertTitle>Demande de pièces non remise</AlertTitle>
      Le courriel de demande de pièces n’a pas été remis à l’usager : son délai ne court pas et le dossier ne peut pas être clôturé.
      Corrigez son adresse et renvoyez la demande, ou contactez-le par un autre moyen.
      <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
        {[
          record.phone ? `Téléphone : ${record.phone}` : null,
          latest ? `Courriel : ${latest.to}` : null,
          latest?.last_error ? `Erreur d’envoi : ${latest.last_error}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Box>
    </Alert>
  );
}

/** What must catch the agent's eye before anything else on the dossier page. */
export function DossierAlerts({ record }: { record: Dossier }) {
  return (
    <>
      <RequestDeliveryAlert record={record} />
      <DeadlinePassedBanner record={record} />
    </>
  );
}
