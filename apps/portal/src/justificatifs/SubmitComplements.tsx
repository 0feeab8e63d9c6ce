import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ApplicantDossier } from '@em/contract';
import { useState } from 'react';
import { api } from '../api';
import { awaitedPieces, complementRoundOpen } from '../complement';

type Props = {
  dossier: ApplicantDossier;
  onSubmitted: (dossier: ApplicantDossier) => void;
};

/** « Déposer les compléments »: enabled once every flagged piece has received a new file. */
export function SubmitComplements({ dossier, onSubmitted }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!complementRoundOpen(dossier)) return null;
  const awaited = awaitedPieces(dossier);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      onSubmitted(await api.submitComplements());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setPending(false);
    }
  }

  return (
    <section className="fr-mt-6w" aria-labelledby="depot-complements-titre">
      <h2 id="depot-complements-titre" className="fr-h4">
        Déposer les compléments
      </h2>
      {awaited.length > 0 ? (
        <p id="depot-complements-attente">
          Pièces encore attendues : {awaited.map((piece) => piece.label).join(', ')}. Joignez un document pour chacune d'elles avant de
          déposer vos compléments.
        </p>
      ) : (
        <p id="depot-complements-attente">
          Toutes les pièces demandées ont été jointes. Après le dépôt, vous ne pourrez plus modifier vos compléments.
        </p>
      )}
      <Button
        iconId="fr-icon-send-plane-line"
        iconPosition="right"
        disabled={awaited.length > 0 || pending}
        nativeButtonProps={{ 'aria-describedby': 'depot-complements-attente' }}
        onClick={() => void submit()}
      >
        Déposer les compléments
      </Button>
      {error && <Alert className="fr-mt-2w" severity="error" small description={error} role="alert" />}
    </section>
  );
}
