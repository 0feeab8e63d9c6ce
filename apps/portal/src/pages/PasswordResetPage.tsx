import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { applicantPasswordMessage } from '@em/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { Page } from '../layout/Page';
import { useSession } from '../session';

/**
 * Guide, « Réinitialisation du mot de passe »: shown instead of any page while the account still has
 * its provisional password. Once replaced, the page the applicant was going to shows.
 */
export function PasswordResetPage() {
  const { session, signedIn } = useSession();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    const policy = applicantPasswordMessage(password);
    if (policy) found.password = policy;
    if (!confirmation) found.confirmation = 'Veuillez confirmer votre nouveau mot de passe.';
    else if (confirmation !== password) found.confirmation = 'Les deux mots de passe ne sont pas identiques.';
    setErrors(found);
    setServerError(null);
    if (found.password || found.confirmation) return;

    setPending(true);
    try {
      await api.changePassword(password, confirmation);
      if (session.status === 'authenticated') signedIn({ ...session.user, must_reset_password: false });
    } catch (caught) {
      setServerError(caught instanceof ApiError ? caught.message : 'Une erreur est survenue. Veuillez réessayer.');
      setPending(false);
    }
  }

  return (
    <Page title="Réinitialisation du mot de passe">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Réinitialisation du mot de passe</h1>
          <p>
            Votre mot de passe doit être réinitialisé. Merci de renseigner un nouveau mot de passe, qui doit faire au moins 8 caractères
            avec au moins une majuscule, une minuscule, un chiffre et un caractère spécial.
          </p>

          {serverError && <Alert className="fr-mb-3w" severity="error" small description={serverError} role="alert" />}

          <form onSubmit={onSubmit} noValidate>
            <Input
              label="Nouveau mot de passe"
              state={errors.password ? 'error' : 'default'}
              stateRelatedMessage={errors.password}
              nativeInputProps={{
                type: 'password',
                name: 'password',
                autoComplete: 'new-password',
                value: password,
                onChange: (event) => setPassword(event.target.value),
              }}
            />
            <Input
              label="Confirmation du mot de passe"
              state={errors.confirmation ? 'error' : 'default'}
              stateRelatedMessage={errors.confirmation}
              nativeInputProps={{
                type: 'password',
                name: 'confirmation',
                autoComplete: 'new-password',
                value: confirmation,
                onChange: (event) => setConfirmation(event.target.value),
              }}
            />
            <Button type="submit" disabled={pending}>
              Valider mon mot de passe
            </Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
