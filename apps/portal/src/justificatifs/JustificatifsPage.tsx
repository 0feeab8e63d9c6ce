import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import type { ApplicantDossier } from '@em/contract';
import { groupBySection } from '@em/domain';
import { useEffect, useRef, useState } from 'react';
import { complementRoundOpen } from '../complement';
import { Loading, Page } from '../layout/Page';
import { useDossier } from '../useDossier';
import { ComplementDeadline } from './ComplementDeadline';
import { Introduction, MedicalSecrecyNotice } from './Introduction';
import { PieceBlock } from './PieceBlock';
import { SubmitComplements } from './SubmitComplements';

/** While a request is open, the pieces with their uploads; otherwise a read-only summary of what was sent. */
function Justificatifs({ dossier, onChanged }: { dossier: ApplicantDossier; onChanged: () => Promise<void> }) {
  const open = complementRoundOpen(dossier);
  return (
    <>
      {open ? (
        <>
          <Introduction />
          <MedicalSecrecyNotice />
          <p className="fr-text--sm">Les champs marqués d'un * sont obligatoires.</p>
        </>
      ) : (
        <h2 className="fr-h4">Récapitulatif de vos justificatifs</h2>
      )}
      {groupBySection(dossier.pieces).map((group) => (
        <section key={group.id} aria-labelledby={`groupe-${group.id}`} className="fr-mb-4w">
          <h2 id={`groupe-${group.id}`} className="fr-h5">
            {group.title}
          </h2>
          {group.items.map((piece) => (
            <PieceBlock key={String(piece.id)} piece={piece} acceptsComplements={open} ephoto={dossier.ephoto} onChanged={onChanged} />
          ))}
        </section>
      ))}
    </>
  );
}

/** Guide step 4 « Justificatifs », reached from the complement e-mail's « Reprendre ma demande » link. */
export function JustificatifsPage() {
  const { state, reload, replace } = useDossier();
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
          <Justificatifs dossier={dossier} onChanged={reload} />
          <SubmitComplements
            dossier={dossier}
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
