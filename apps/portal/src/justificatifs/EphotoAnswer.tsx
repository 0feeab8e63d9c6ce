import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { EPHOTO_PATTERN, normalizeEphoto } from '@em/domain';
import { type FormEvent, useState } from 'react';

type Props = { busy: boolean; onSubmit: (ephoto: string) => void };

const FORMAT_MESSAGE = 'Numéro e-photo : 22 caractères (lettres et chiffres) attendus.';

/** The e-photo number is typed, not attached: a flagged one is answered with a new number. */
export function EphotoAnswer({ busy, onSubmit }: Props) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const ephoto = normalizeEphoto(value);
    if (!EPHOTO_PATTERN.test(ephoto)) {
      setProblem(FORMAT_MESSAGE);
      return;
    }
    setProblem(null);
    onSubmit(ephoto);
  }

  return (
    <form onSubmit={submit} className="fr-mt-2w" noValidate>
      <Input
        label="Nouveau numéro ephoto (22 caractères)"
        hintText="Il figure sur votre planche de photos d'identité."
        state={problem ? 'error' : 'default'}
        stateRelatedMessage={problem ?? undefined}
        nativeInputProps={{ value, onChange: (e) => setValue(e.target.value), autoComplete: 'off', maxLength: 40 }}
      />
      <Button type="submit" disabled={busy}>
        Enregistrer le numéro ephoto
      </Button>
    </form>
  );
}
