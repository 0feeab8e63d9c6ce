import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ApplicantDossier } from '@em/contract';
import { parisLongDate, REVIEW_LABELS } from '@em/domain';
import { awaitsFile } from '../complement';

/** The complement request in progress: what is asked and until when (late deposits are still accepted). */
export function ComplementDeadline({ dossier, className }: { dossier: ApplicantDossier; className?: string }) {
  const complement = dossier.complement;
  if (!complement) return null;
  const deadline = parisLongDate(complement.deadline_at, '');
  const late = complement.late || dossier.deadline_passed;
  const requested = dossier.pieces.filter((piece) => piece.flagged);

  const details = (
    <>
      {late ? (
        <p>
          Le délai pour compléter votre dossier a expiré le {deadline}. Vous pouvez encore déposer vos compléments : ils seront signalés à
          la préfecture comme déposés hors délai.
        </p>
      ) : (
        <p>
          Votre dossier{dossier.numero ? ` n°${dossier.numero}` : ''} est à compléter avant le {deadline}. Passé ce délai, votre dossier
          pourra être considéré comme incomplet et de ce fait clôturé.
        </p>
      )}
      {requested.length > 0 && (
        <>
          <p className="fr-mb-1v">Les précisions nécessaires portent sur :</p>
          <ul>
            {requested.map((piece) => (
              <li key={String(piece.id)}>
                {piece.label}
                {awaitsFile(piece) ? ` (${REVIEW_LABELS[piece.review_status]})` : ' (document ajouté)'}
                {piece.review_message ? ` : ${piece.review_message}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );

  return (
    <Alert
      className={className}
      severity="warning"
      role="status"
      title={late ? 'Le délai de dépôt des compléments est dépassé' : 'Des pièces complémentaires sont demandées'}
      description={details}
    />
  );
}
