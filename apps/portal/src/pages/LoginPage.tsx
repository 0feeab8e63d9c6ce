import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { Page } from '../layout/Page';
import { navigate, safeInternalPath, useLocation } from '../router';
import { useSession } from '../session';

/** Guide: « Vous avez déjà un compte » — Identifiant, Mot de passe, « S'identifier ». */
export function LoginPage() {
  const { session, signedIn } = useSession();
  const { search } = useLocation();
  const target = safeInternalPath(search.get('suite'), '/demande');

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // Already signed in (e.g. the « Reprendre ma demande » link opened again): go straight on.
  useEffect(() => {
    if (session.status === 'authenticated') navigate(target, { replace: true });
  }, [session.status, target]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!email.trim()) errors.email = 'Veuillez renseigner votre identifiant (adresse électronique).';
    if (!password) errors.password = 'Veuillez renseigner votre mot de passe.';
    setFieldErrors(errors);
    setError(null);
    if (errors.email || errors.password) return;

    setPending(true);
    try {
      const user = await api.login(email.trim(), password);
      signedIn(user); // a provisional password is replaced first, then the target shows
      navigate(target, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Une erreur est survenue. Veuillez réessayer.');
      setPending(false);
    }
  }

  return (
    <Page title="Connexion">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Vous avez déjà un compte</h1>
          <p>Connectez-vous avec l'identifiant (votre adresse électronique) et le mot de passe reçus par courriel.</p>

          {error && <Alert className="fr-mb-3w" severity="error" small description={error} role="alert" />}

          <form onSubmit={onSubmit} noValidate>
            <Input
              label="Identifiant"
              state={fieldErrors.email ? 'error' : 'default'}
              stateRelatedMessage={fieldErrors.email}
              nativeInputProps={{
                type: 'email',
                name: 'email',
                autoComplete: 'username',
                value: email,
                onChange: (event) => setEmail(event.target.value),
              }}
            />
            <Input
              label="Mot de passe"
              state={fieldErrors.password ? 'error' : 'default'}
              stateRelatedMessage={fieldErrors.password}
              nativeInputProps={{
                type: 'password',
                name: 'password',
                autoComplete: 'current-password',
                value: password,
                onChange: (event) => setPassword(event.target.value),
              }}
            />
            <Button type="submit" disabled={pending}>
              S'identifier
            </Button>
          </form>

          <hr className="fr-mt-4w" />
          <p className="fr-text--sm">
            Première visite ? La création de compte en ligne n'est pas encore disponible dans cette version du service.
          </p>
        </div>
      </div>
    </Page>
  );
}
