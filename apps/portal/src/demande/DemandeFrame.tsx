import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { DEMANDE_STEPS } from '@em/domain';
import type { ReactNode } from 'react';
import { Page } from '../layout/Page';

/** The frame of every step: « Demander un titre de séjour », the six-step stepper and the progress. */
export function DemandeFrame({ step, progress, children }: { step: number; progress?: number; children: ReactNode }) {
  const title = DEMANDE_STEPS[step - 1]!;
  return (
    <Page title={`Étape ${step} sur ${DEMANDE_STEPS.length} – ${title}`}>
      <h1>Demander un titre de séjour</h1>
      <Stepper currentStep={step} stepCount={DEMANDE_STEPS.length} title={title} nextTitle={DEMANDE_STEPS[step]} />
      {progress !== undefined && step < DEMANDE_STEPS.length && (
        <div className="em-progress fr-mb-4w">
          <p className="fr-mb-1v" id="progression">
            Votre démarche en ligne est à {progress} % terminée
          </p>
          <progress max={100} value={progress} aria-labelledby="progression" />
          <p className="fr-text--sm fr-mt-1w fr-mb-0">
            Votre saisie est sauvegardée à la validation de chaque étape. Si vous quittez la téléprocédure, vous pourrez la reprendre
            ultérieurement à la dernière étape enregistrée.
          </p>
        </div>
      )}
      {children}
    </Page>
  );
}
