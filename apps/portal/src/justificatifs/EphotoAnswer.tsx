import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { EPHOTO_PATTERN, normalizeEphoto } from '@em/domain';
import { type FormEvent, useState } from 'react';

type Props = {
  busy: boolean;
  /** A new number was typed in this round: it can be corrected or removed until the complements are deposited. */
  typed: boolean;
  onSubmit: (ephoto: string) => void;
  onRemove: () => void;
};

const FORMAT_MESSAGE = 'Numéro e-photo : 22 caractères (lettres et chiffres) attendus.';

/** The e-photo number is typed, not attached: a flagged one is answered with a new number. */
export function EphotoAnswer({ busy, typed, onSubmit, onRemove }: Props) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const ephoto = normalizeEphoto(value);
    if (!EPHOTO_PATTERN.test(ephoto)) {
      setProblem(FORMAT_MESSAGE);
      return;
    }
    setProblem(null);
    setCorrecting(false);
    setValue('');
    onSubmit(ephoto);
  }

  if (typed && !correcting) {
    return (
      <ButtonsGroup
        className="fr-mt-2w"
        inlineLayoutWhen="sm and up"
        buttons={[
          { children: 'Modifier le numéro ephoto', priority: 'secondary', disabled: busy, onClick: () => setCorrecting(true) },
          {
            children: 'Supprimer le numéro ephoto',
            priority: 'tertiary',
            iconId: 'fr-icon-delete-line',
            disabled: busy,
            onClick: onRemove,
          },
        ]}
      />
    );
  }

  return (
    <form onSubmit={submit} className="fr-mt-2w" noValidate>
      <Input
        label={typed ? 'Numéro ephoto corrigé (22 caractères)' : 'Nouveau numéro ephoto (22 caractères)'}
        hintText="Il figure sur votre planche de photos d'identité."
        state={problem ? 'error' : 'default'}
        stateRelatedMessage={problem ?? undefined}
        nativeInputProps={{ value, onChange: (e) => setValue(e.target.value), autoComplete: 'off', maxLength: 40 }}
      />
      <Button type="submit" disabled={busy}>
        Enregistrer le numéro ephoto
      </Button>
      {typed && (
        <Button type="button" priority="tertiary no outline" className="fr-ml-2w" onClick={() => setCorrecting(false)}>
          Annuler
        </Button>
      )}
    </form>
  );
}
