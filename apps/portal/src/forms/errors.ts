import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { ApiError } from '../api';

export const errorMessage = (caught: unknown) =>
  caught instanceof Error ? caught.message : 'Une erreur est survenue. Veuillez réessayer.';

/**
 * Puts the API's field messages (`{ fields: { 'etatCivil.birthName': … } }`) next to their fields and
 * returns the message to show above the form; the typed values stay as they are.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, caught: unknown): string | null {
  if (!(caught instanceof ApiError)) return null;
  const entries = Object.entries(caught.fields);
  entries.forEach(([path, message], index) => {
    form.setError(path as Path<T>, { type: 'server', message }, { shouldFocus: index === 0 });
  });
  return entries.length ? `La saisie n'a pas pu être enregistrée : ${caught.message}` : caught.message;
}

/**
 * Focuses the first field in error in the page's order (react-hook-form would follow the order in
 * which fields were registered, which nested components change).
 */
export function focusFirstError(form: EventTarget | null | undefined) {
  if (!(form instanceof HTMLFormElement)) return;
  requestAnimationFrame(() => {
    const field = form.querySelector<HTMLElement>(
      '.fr-input-group--error input, .fr-input-group--error textarea, .fr-select-group--error select, .fr-fieldset--error input, .fr-fieldset--error select',
    );
    field?.focus();
  });
}
