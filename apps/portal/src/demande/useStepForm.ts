import type { Draft } from '@em/contract';
import { DEMANDE_STEPS } from '@em/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { ApiError, api } from '../api';
import { applyServerErrors, errorMessage, focusFirstError } from '../forms/errors';
import { stepPath } from '../paths';
import { clearStash, stashStep, takeStash } from './formStash';
import { DRAFT_KEY } from './useDraft';

export const INVALID_FORM = 'Le formulaire contient des erreurs : corrigez les champs signalés, puis enregistrez à nouveau.';

/**
 * « Quitter et revenir plus tard »: the session ends and the login page says where the demande
 * stands. A full page load, so that no page of the session is left to send the applicant elsewhere.
 */
export function useLeave() {
  return async (lastSavedStep: number) => {
    clearStash();
    await api.logout().catch(() => undefined);
    window.location.assign(`/connexion?quitte=${encodeURIComponent(DEMANDE_STEPS[Math.max(0, lastSavedStep - 1)]!)}`);
  };
}

/**
 * One step's form: react-hook-form checked by the same zod schema as the API, saved by « Enregistrer
 * et poursuivre ». A failed save keeps every value and says why, next to the fields when it can.
 */
export function useStepForm<S extends z.ZodType<unknown, FieldValues>>(options: {
  step: number;
  draft: Draft;
  schema: S;
  defaults: DefaultValues<z.input<S>>;
  save: (values: z.output<S>) => Promise<Draft>;
}) {
  const { step, draft, schema, save } = options;
  const [restored] = useState(() => takeStash<DefaultValues<z.input<S>>>(step));
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: restored ?? options.defaults,
    shouldFocusError: false,
  });
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = useLeave();

  async function saveStep(values: z.output<S>): Promise<boolean> {
    setError(null);
    // Kept until the server has it: an expired session brings the applicant back here with it.
    stashStep(step, form.getValues());
    try {
      queryClient.setQueryData(DRAFT_KEY, await save(values));
      clearStash(step);
      return true;
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.status === 401)) setError(applyServerErrors(form, caught) ?? errorMessage(caught));
      return false;
    }
  }

  const onSubmit = form.handleSubmit(
    async (values) => {
      if (await saveStep(values)) navigate(stepPath(step + 1));
    },
    (_errors, event) => {
      setError(INVALID_FORM);
      focusFirstError(event?.target);
    },
  );

  const back = () => {
    stashStep(step, form.getValues());
    navigate(stepPath(step - 1));
  };

  // Saved first when complete; an incomplete step is left as the last save had it.
  const quit = form.handleSubmit(
    async (values) => {
      if (await saveStep(values)) await leave(Math.max(draft.lastSavedStep, step));
    },
    () => leave(draft.lastSavedStep),
  );

  // « Le formulaire contient des erreurs » goes once every field is corrected.
  const shown = error === INVALID_FORM && Object.keys(form.formState.errors).length === 0 ? null : error;
  return { form, onSubmit, back, quit, error: shown, restored: restored !== null, busy: form.formState.isSubmitting };
}
