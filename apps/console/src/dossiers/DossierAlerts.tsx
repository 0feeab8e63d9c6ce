import type { Dossier } from '@em/contract';
import { isUndelivered, parisLongDate } from '@em/domain';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useDossierEmails } from '../emails/useDossierEmails';

/** Red banner once the applicant's complement deadline has passed without an answer. */
function DeadlinePassedBanner({ record }: { record: Dossier }) {
  if (record.status !== 'complement_demande' || !record.deadline_passed) return null;
  return (
    <Alert severity="error" variant="filled" role="alert">
      <AlertTitle>Délai dépassé</AlertTitle>
      L’usager devait déposer les pièces demandées au plus tard le {parisLongDate(record.deadline_at)} (23 h 59, heure de Paris). Les
      compléments n’ont pas été déposés : le dossier peut être clôturé comme incomplet.
    </Alert>
  );
}

/**
 * The applicant's deadline runs from the complement request: if that e-mail never arrived, the
 * agent must reach them another way.
 */
function UndeliveredRequestAlert({ record }: { record: Dossier }) {
  const { data } = useDossierEmails(record.id);
  if (record.status !== 'complement_demande') return null;
  // Newest first: the first complement request is the one the current deadline comes from.
  const latest = data?.find((email) => email.template === 'complement_request');
  if (!latest || !isUndelivered(latest.status)) return null;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>Demande de pièces non remise</AlertTitle>
      Le courriel de demande de pièces n'a pas été remis à l'usager : son délai de réponse en dépend. Contactez-le par un autre moyen.
      <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
        {[
          record.phone ? `Téléphone : ${record.phone}` : null,
          `Courriel : ${latest.to}`,
          latest.last_error ? `Erreur d’envoi : ${latest.last_error}` : null,
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
      <UndeliveredRequestAlert record={record} />
      <DeadlinePassedBanner record={record} />
    </>
  );
}
