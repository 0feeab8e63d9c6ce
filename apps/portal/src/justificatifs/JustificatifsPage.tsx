import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import type { ApplicantDossier } from '@em/contract';
import { ACCEPTED_FORMATS_LABEL, groupBySection, MAX_FILE_SIZE_LABEL } from '@em/domain';
import { useEffect, useRef, useState } from 'react';
import { complementRoundOpen } from '../complement';
import { Loading, Page } from '../layout/Page';
import { useDossier } from '../useDossier';
import { ComplementDeadline } from './ComplementDeadline';
import { PieceBlock } from './PieceBlock';
import { SubmitComplements } from './SubmitComplements';

const EPHOTO_MAP_URL = 'https://permisdeconduire.ants.gouv.fr/services-associes/ou-faire-ma-photo-et-ma-signature-numerisee';
const TRANSLATORS_URL = 'https://www.service-public.fr/particuliers/vosdroits/F12956';

function Introduction() {
  return (
    <>
      <p className="fr-text--lead">Maintenant, nous allons vous demander de joindre les documents justifiant votre situation</p>
      <p className="fr-text--bold fr-mb-1w">PRÉPARER LES DOCUMENTS À FOURNIR :</p>
      <ul className="fr-mb-3w">
        <li>
          Un numéro e-photo. Pour connaître les photographes agréés près de chez vous, vous pouvez{' '}
          <a href={EPHOTO_MAP_URL} target="_blank" rel="noopener external">
            consulter la carte de géolocalisation
          </a>
          .
        </li>
        <li>
          Tous les documents justificatifs demandés selon votre situation. Les documents doivent être lisibles, en français, sous forme
          numérique ({ACCEPTED_FORMATS_LABEL}), et ne pas dépasser une taille maximale de {MAX_FILE_SIZE_LABEL} par fichier.{' '}
          <a href={TRANSLATORS_URL} target="_blank" rel="noopener external">
            Consulter la liste des traducteurs agréés
          </a>
          .
        </li>
      </ul>
    </>
  );
}

function Justificatifs({
  dossier,
  onChanged,
  onUnauthorized,
}: {
  dossier: ApplicantDossier;
  onChanged: () => Promise<void>;
  onUnauthorized: (error: unknown) => void;
}) {
  return (
    <>
      <p className="fr-text--sm">Les champs marqués d'un * sont obligatoires.</p>
      {groupBySection(dossier.pieces).map((group) => (
        <section key={group.id} aria-labelledby={`groupe-${group.id}`} className="fr-mb-4w">
          <h2 id={`groupe-${group.id}`} className="fr-h5">
            {group.title}
          </h2>
          {group.items.map((piece) => (
            <PieceBlock
              key={String(piece.id)}
              piece={piece}
              acceptsComplements={complementRoundOpen(dossier)}
              ephoto={dossier.ephoto}
              onChanged={onChanged}
              onUnauthorized={onUnauthorized}
            />
          ))}
        </section>
      ))}
    </>
  );
}

/** Guide step 4 « Justificatifs », reached from the complement e-mail's « Reprendre ma demande » link. */
export function JustificatifsPage() {
  const { state, reload, replace, handleError } = useDossier();
  const [submitted, setSubmitted] = useState<ApplicantDossier | null>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (submitted) successRef.current?.focus();
  }, [submitted]);

  const dossier = state.status === 'ready' ? state.dossier : null;

  return (
    <Page title="Justificatifs">
      <h1>Demander un titre de séjour</h1>
      <Stepper
        currentStep={submitted ? 5 : 4}
        stepCount={5}
        title={submitted ? 'Confirmation' : 'Justificatifs'}
        nextTitle={submitted ? undefined : 'Confirmation'}
      />

      {submitted && (
        <div ref={successRef} tabIndex={-1} className="fr-mb-4w">
          <Alert
            severity="success"
            role="status"
            title="Vos compléments ont bien été transmis."
            description={`Statut de votre demande : ${submitted.status_label}. Vous serez informé(e) de la suite par courriel.`}
          />
          <Button className="fr-mt-2w" priority="secondary" linkProps={{ href: '/demande' }}>
            Retour à ma demande
          </Button>
        </div>
      )}

      {state.status === 'loading' && <Loading />}
      {state.status === 'none' && <Alert severity="info" title="Aucune demande" description={state.message} role="status" />}
      {state.status === 'error' && <Alert severity="error" title="Erreur" description={state.message} />}

      {dossier && (
        <>
          {dossier.numero && <p className="fr-mb-2w">Demande n°{dossier.numero}</p>}
          {!submitted && <ComplementDeadline dossier={dossier} className="fr-mb-4w" />}
          {!submitted && !complementRoundOpen(dossier) && (
            <Alert
              className="fr-mb-4w"
              severity="info"
              role="status"
              small
              description="Aucune pièce complémentaire ne vous est demandée actuellement. Vos justificatifs sont affichés ci-dessous pour consultation."
            />
          )}
          <Introduction />
          <Notice
            className="fr-mb-4w"
            title="Secret médical :"
            description="ne joignez ici aucun document médical. Le certificat médical est adressé aux médecins de l'OFII, jamais à la préfecture."
          />
          <Justificatifs dossier={dossier} onChanged={reload} onUnauthorized={handleError} />
          <SubmitComplements
            dossier={dossier}
            onUnauthorized={handleError}
            onSubmitted={(updated) => {
              replace(updated);
              setSubmitted(updated);
            }}
          />
        </>
      )}
    </Page>
  );
}
