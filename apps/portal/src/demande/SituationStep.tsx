import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { type Draft, situationRequestSchema } from '@em/contract';
import { SITUATION_NOT_HANDLED, SITUATIONS, type Situation } from '@em/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { api } from '../api';
import { errorMessage } from '../forms/errors';
import { stepPath } from '../paths';
import { DemandeFrame } from './DemandeFrame';
import { StepActions } from './StepActions';
import { DRAFT_KEY } from './useDraft';

type Values = z.input<typeof situationRequestSchema>;

/** Step 1 « Votre situation »: the étranger malade situation starts the pré-demande; the others are not handled here. */
export function SituationStep({ draft }: { draft: Draft | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(situationRequestSchema),
    defaultValues: { situation: draft ? 'etranger_malade' : undefined },
  });
  const chosen = form.watch('situation');
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      queryClient.setQueryData(DRAFT_KEY, await api.startDraft(values.situation));
      navigate(stepPath(2));
    } catch (caught) {
      setServerError(errorMessage(caught));
    }
  });

  return (
    <DemandeFrame step={1}>
      <p className="fr-text--lead">
        Vous sollicitez un titre de séjour pour vous même et vous n'êtes pas titulaire d'un titre de séjour ou d'un numéro étranger.
      </p>
      <Notice
        className="fr-mb-4w"
        title="Votre saisie est sauvegardée à la validation de chaque étape."
        description="Si vous quittez la télé-procédure vous pourrez la reprendre ultérieurement à la dernière étape enregistrée."
      />
      {serverError && <Alert className="fr-mb-3w" severity="error" small description={serverError} role="alert" />}
      <form onSubmit={onSubmit} noValidate>
        <RadioButtons
          legend="Dites-nous quelle est votre situation ?"
          state={errors.situation ? 'error' : 'default'}
          stateRelatedMessage={errors.situation?.message}
          options={(Object.keys(SITUATIONS) as Situation[]).map((key) => ({
            label: SITUATIONS[key],
            nativeInputProps: { ...form.register('situation'), value: key },
          }))}
        />
        {chosen && chosen !== 'etranger_malade' && !errors.situation && (
          <Alert className="fr-mb-3w" severity="info" role="status" small description={SITUATION_NOT_HANDLED} />
        )}
        <StepActions draftId={draft?.id ?? null} busy={isSubmitting} />
      </form>
    </DemandeFrame>
  );
}
