import type { Prefecture } from '@em/contract';
import { useState } from 'react';
import { Confirm, SaveButton, useRecordContext, useSaveContext } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { closableSentence } from './PrefectureShow';

export const AUTO_CLOSE_LABEL = 'Clôturer automatiquement les dossiers dont le délai de réponse est dépassé';

/**
 * « Enregistrer »; switching automatic closure on asks first, naming the setting and how many
 * dossiers it would close at once.
 */
export function AutoCloseSaveButton() {
  const record = useRecordContext<Prefecture>();
  const { getValues, handleSubmit } = useFormContext<Prefecture>();
  const { save } = useSaveContext();
  const [confirming, setConfirming] = useState(false);
  const submit = handleSubmit((values) => save?.(values));
  const turningOn = () => Boolean(getValues('auto_close_expired')) && record?.auto_close_expired === false;
  return (
    <>
      <SaveButton
        label="Enregistrer"
        type="button"
        onClick={(event) => {
          event.preventDefault();
          if (turningOn()) setConfirming(true);
          else void submit();
        }}
      />
      <Confirm
        isOpen={confirming}
        title="Activer la clôture automatique ?"
        content={`Réglage « ${AUTO_CLOSE_LABEL} » de la ${record?.name ?? 'préfecture'}. ${closableSentence(record?.closable_now ?? 0)} Chaque usager concerné recevra un courriel nommant les pièces jamais reçues.`}
        confirm="Activer la clôture automatique"
        cancel="Annuler"
        onConfirm={() => {
          setConfirming(false);
          void submit();
        }}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
