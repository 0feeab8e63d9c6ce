import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ApplicantDossier } from '@em/contract';
import { parisDate, parisLongDate, resumeStep } from '@em/domain';
import { Navigate } from 'react-router';
import { complementRoundOpen } from '../complement';
import { ComplementDeadline } from '../justificatifs/ComplementDeadline';
import { Loading, Page } from '../layout/Page';
import { stepPath } from '../paths';
import { useDossier } from '../useDossier';

function statusSeverity(dossier: ApplicantDossier) {
  switch (dossier.status) {
    case 'complement_demande':
      return 'warning' as const;
    case 'complete':
      return 'success' as const;
    case 'cloturee_incomplete':
    case 'abandonnee':
      return 'error' as const;
    default:
      return 'info' as const;
  }
}

/** What the current status means for the applicant. */
function StatusExplanation({ dossier }: { dossier: ApplicantDossier }) {
  switch (dossier.status) {
    case 'brouillon':
      return <p>Votre demande n'a pas encore été déposée.</p>;
    case 'deposee':
    case 'en_examen':
      return <p>Votre demande a bien été transmise. Elle est en cours d'examen par la préfecture.</p>;
    case 'complement_recu':
      return <p>Vos compléments ont bien été transmis. Ils sont en cours d'examen par la préfecture.</p>;
    case 'complete':
      return (
        <p>
          Votre dossier est complet. Prochaine étape : l'examen médical par le collège de médecins de l'OFII, à qui vous adresserez le
          certificat médical. Vous serez informé(e) de la suite par courriel.
        </p>
      );
    case 'cloturee_incomplete':
      return <p>Votre dossier a été clôturé car les pièces demandées n'ont pas été transmises.</p>;
    case 'abandonnee':
      return <p>Vous avez abandonné cette demande.</p>;
    default:
      return null;
  }
}

function DossierSummary({ dossier }: { dossier: ApplicantDossier }) {
  const inProgress = complementRoundOpen(dossier);
  const statusLabel = dossier.status_label;
  return (
    <>
      <dl className="fr-mb-4w fr-pl-0">
        <dt className="fr-text--bold fr-mb-0">Numéro de la demande</dt>
        <dd className="fr-mb-2w fr-ml-0">{dossier.numero ?? 'non attribué'}</dd>
        <dt className="fr-text--bold fr-mb-0">Statut</dt>
        <dd className="fr-mb-2w fr-ml-0">
          <Badge severity={statusSeverity(dossier)} noIcon>
            {statusLabel}
          </Badge>
        </dd>
        <dt className="fr-text--bold fr-mb-0">Date de dépôt</dt>
        <dd className="fr-mb-2w fr-ml-0">
          {dossier.deposited_at ? <time dateTime={dossier.deposited_at}>{parisDate(dossier.deposited_at, '')}</time> : '—'}
        </dd>
        <dt className="fr-text--bold fr-mb-0">Demandeur</dt>
        <dd className="fr-mb-2w fr-ml-0">{[dossier.birth_name, ...dossier.first_names].filter(Boolean).join(' ') || 'non renseigné'}</dd>
      </dl>

      <StatusExplanation dossier={dossier} />

      {inProgress && <ComplementDeadline dossier={dossier} />}

      <div className="em-actions fr-mt-4w">
        {dossier.receipt_url && (
          <Button
            linkProps={{ href: dossier.receipt_url, target: '_blank', rel: 'noopener' }}
            priority="secondary"
            iconId="fr-icon-download-line"
          >
            J'ouvre ma confirmation de dépôt de demande (PDF)
          </Button>
        )}
        {dossier.status === 'abandonnee' ? (
          <Button linkProps={{ href: '/demarche' }}>Commencer une nouvelle demande</Button>
        ) : inProgress ? (
          <Button linkProps={{ href: '/demande/justificatifs' }} iconId="fr-icon-upload-2-line">
            Compléter mon dossier
          </Button>
        ) : (
          <Button linkProps={{ href: '/demande/justificatifs' }} priority="secondary">
            Consulter mes justificatifs
          </Button>
        )}
      </div>
      {dossier.status === 'cloturee_incomplete' && dossier.closed_at && (
        <p className="fr-mt-2w">
          Dossier clôturé le {parisLongDate(dossier.closed_at, '')}. {dossier.closure_reason}
          {dossier.deadline_at && ` Le délai pour compléter le dossier expirait le ${parisLongDate(dossier.deadline_at, '')}.`}
        </p>
      )}
    </>
  );
}

/**
 * « Ma demande »: numéro, status, deposit date, receipt and the complement request in progress.
 * Without a dossier the téléprocédure starts; a draft resumes at the step after the last one saved.
 */
export function DossierPage() {
  const { state } = useDossier();
  if (state.status === 'none') return <Navigate to="/demarche" replace />;
  if (state.status === 'ready' && state.dossier.status === 'brouillon') {
    return <Navigate to={stepPath(resumeStep(state.dossier.last_saved_step))} replace />;
  }
  return (
    <Page title="Ma demande">
      <h1>Ma demande</h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert severity="error" title="Erreur" description={state.message} />}
      {state.status === 'ready' && <DossierSummary dossier={state.dossier} />}
    </Page>
  );
}
