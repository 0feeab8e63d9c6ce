import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { type Draft, depotRequestSchema } from '@em/contract';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { api } from '../api';
import { errorMessage } from '../forms/errors';
import { stepPath } from '../paths';
import { DOSSIER_KEY } from '../useDossier';
import { DemandeFrame } from './DemandeFrame';
import { clearStash } from './formStash';
import { Recap } from './Recap';
import { StepActions } from './StepActions';
import { DRAFT_KEY } from './useDraft';
import { useLeave } from './useStepForm';

/** Step 5 « Dépôt de la demande »: the recap, « Observations à destination de l'administration », « Déposer la demande ». */
export function DepotStep({ draft }: { draft: Draft }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = useLeave();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof depotRequestSchema>, unknown, z.output<typeof depotRequestSchema>>({
    resolver: zodResolver(depotRequestSchema),
    defaultValues: { observations: draft.observations },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ observations }) => {
    setError(null);
    try {
      const deposit = await api.deposit(draft.id, observations);
      clearStash();
      // Leave the step first: without a draft, the step page would send the applicant to « Ma demande ».
      await navigate('/demande/confirmation', { state: deposit, replace: true });
      queryClient.removeQueries({ queryKey: DRAFT_KEY });
      void queryClient.invalidateQueries({ queryKey: DOSSIER_KEY });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  });

  return (
    <DemandeFrame step={5} progress={draft.progress}>
      <Notice
        className="fr-mb-4w"
        title="Pour modifier une information saisie ou une pièce justificative, utilisez le bouton « Revenir à l'étape précédente » ou le lien « Modifier » de la partie concernée."
        description="Après le dépôt de votre demande vous ne pourrez plus la modifier."
      />
      <Recap draft={draft} />
      {error && <Alert className="fr-mb-3w" severity="error" small role="alert" description={error} />}
      <form onSubmit={onSubmit} noValidate>
        <p>
          Si vous souhaitez ajouter des observations pour accompagner votre demande, un champ « Observations à destination de
          l'administration » est disponible ci-dessous.
        </p>
        <Input
          label="Observations à destination de l'administration"
          hintText="Facultatif, 4000 caractères au plus. N'y indiquez aucune information médicale."
          textArea
          state={errors.observations ? 'error' : 'default'}
          stateRelatedMessage={errors.observations?.message}
          nativeTextAreaProps={{ rows: 5, maxLength: 4000, ...form.register('observations') }}
        />
        <StepActions
          draftId={draft.id}
          onBack={() => navigate(stepPath(4))}
          onQuit={() => void leave(draft.lastSavedStep)}
          submitLabel="Déposer la demande"
          busy={isSubmitting}
        />
      </form>
    </DemandeFrame>
  );
}
