import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { type Draft, justificatifsRequestSchema } from '@em/contract';
import { groupBySection } from '@em/domain';
import { useState } from 'react';
import { api } from '../api';
import { TextField } from '../forms/TextField';
import { Introduction, MedicalSecrecyNotice } from '../justificatifs/Introduction';
import { DemandeFrame } from './DemandeFrame';
import { DraftPieceBlock } from './DraftPieceBlock';
import { StepActions } from './StepActions';
import { useStepForm } from './useStepForm';

const EPHOTO_HINT =
  'Si vous disposez d’une photo et d’une signature numériques, veuillez renseigner ci-dessous le numéro ephoto figurant sur votre planche de photos d’identité (22 caractères, lettres et chiffres).';

/** Step 4 « Justificatifs »: the e-photo number and one block per piece of the catalogue. */
export function JustificatifsStep({ draft }: { draft: Draft }) {
  const [attempted, setAttempted] = useState(false);
  const { form, onSubmit, back, quit, error, restored, busy } = useStepForm({
    step: 4,
    draft,
    schema: justificatifsRequestSchema,
    defaults: { ephoto: draft.ephoto ?? '' },
    save: (values) => api.saveJustificatifs(draft.id, values.ephoto),
  });

  return (
    <DemandeFrame step={4} progress={draft.progress}>
      <Introduction />
      <MedicalSecrecyNotice />
      {restored && (
        <Alert className="fr-mb-3w" severity="info" small role="status" description="Votre saisie non enregistrée a été conservée." />
      )}
      {error && <Alert className="fr-mb-3w" severity="error" small role="alert" description={error} />}
      <form
        onSubmit={(event) => {
          setAttempted(true);
          return onSubmit(event);
        }}
        noValidate
      >
        <p className="fr-text--sm">Les champs marqués d'un * sont obligatoires.</p>
        {groupBySection(draft.pieces).map((group) => (
          <section key={group.id} aria-labelledby={`groupe-${group.id}`} className="fr-mb-4w">
            <h2 id={`groupe-${group.id}`} className="fr-h5">
              {group.title}
            </h2>
            {group.items.map((piece) =>
              piece.kind === 'code' ? (
                <div key={piece.code} className="em-piece" data-piece={piece.code}>
                  <h3 className="fr-h6 fr-mb-1w">Photographie d'identité récente</h3>
                  <TextField
                    label="Numéro ephoto (22 caractères) *"
                    hint={EPHOTO_HINT}
                    autoComplete="off"
                    native={{ maxLength: 40, spellCheck: false }}
                    error={form.formState.errors.ephoto?.message}
                    {...form.register('ephoto')}
                  />
                </div>
              ) : (
                <DraftPieceBlock key={piece.code} draftId={draft.id} piece={piece} missing={attempted} />
              ),
            )}
          </section>
        ))}
        <StepActions draftId={draft.id} onBack={back} onQuit={quit} busy={busy} />
      </form>
    </DemandeFrame>
  );
}
