import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { errorMessage } from '../forms/errors';
import { clearStash } from './formStash';

type Props = {
  draftId: number | null;
  /** « Revenir à l'étape précédente », when there is one. */
  onBack?: () => void;
  /** « Quitter et revenir plus tard ». */
  onQuit?: () => void;
  submitLabel?: string;
  busy: boolean;
};

/** The guide's buttons under every step, « Abandonner la demande » asking for confirmation first. */
export function StepActions({ draftId, onBack, onQuit, submitLabel = 'Enregistrer et poursuivre', busy }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [abandoning, setAbandoning] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function abandon() {
    if (draftId === null) return navigate('/');
    setAbandoning(true);
    setError(null);
    try {
      await api.abandon(draftId);
      clearStash();
      await queryClient.invalidateQueries();
      navigate('/demande');
    } catch (caught) {
      setError(errorMessage(caught));
      setAbandoning(false);
    }
  }

  return (
    <>
      {confirming && (
        <div ref={confirmRef} tabIndex={-1} className="fr-mt-4w">
          <Alert
            severity="warning"
            title="Voulez-vous vraiment abandonner votre demande ?"
            description={
              <>
                <p>Les informations saisies ne seront pas transmises à la préfecture et vous ne pourrez plus reprendre cette demande.</p>
                <div className="em-actions fr-mt-2w">
                  <Button type="button" onClick={() => void abandon()} disabled={abandoning}>
                    Oui, abandonner la demande
                  </Button>
                  <Button type="button" priority="secondary" onClick={() => setConfirming(false)}>
                    Non, continuer ma demande
                  </Button>
                </div>
                {error && <p className="fr-error-text">{error}</p>}
              </>
            }
          />
        </div>
      )}
      <div className="em-step-actions fr-mt-4w">
        {onBack && (
          <Button type="button" priority="tertiary" iconId="fr-icon-arrow-left-line" onClick={onBack}>
            Revenir à l'étape précédente
          </Button>
        )}
        <Button type="button" priority="tertiary" onClick={() => setConfirming(true)} disabled={busy}>
          Abandonner la demande
        </Button>
        {onQuit && (
          <Button type="button" priority="secondary" onClick={onQuit} disabled={busy}>
            Quitter et revenir plus tard
          </Button>
        )}
        <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
