import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../api';
import { NarrowPage } from '../layout/Page';
import { safeInternalPath } from '../paths';
import { useSession } from '../session';

/** Guide: « Vous avez déjà un compte » — Identifiant, Mot de passe, « S'identifier ». */
export function LoginPage() {
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const target = safeInternalPath(search.get('suite'), '/demande');
  const quit = search.get('quitte');

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // Already signed in (e.g. the « Reprendre ma demande » link opened again): go straight on.
  useEffect(() => {
    if (session.status === 'authenticated') navigate(target, { replace: true });
  }, [session.status, target, navigate]);

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
    <NarrowPage title="Connexion">
      <h1>Vous avez déjà un compte</h1>
      {quit && (
        <Alert
          className="fr-mb-3w"
          severity="info"
          small
          role="status"
          description={`Votre demande est enregistrée jusqu'à l'étape « ${quit} ». Connectez-vous pour la reprendre là où vous l'avez laissée.`}
        />
      )}
      {search.get('suite') && !quit && (
        <Alert
          className="fr-mb-3w"
          severity="info"
          small
          role="status"
          description="Connectez-vous pour continuer : vous reviendrez à la page où vous étiez."
        />
      )}
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
        <p className="fr-mb-3w">
          <Link className="fr-link" to="/mot-de-passe-oublie">
            Mot de passe oublié ?
          </Link>
        </p>
        <Button type="submit" disabled={pending}>
          S'identifier
        </Button>
      </form>

      <hr className="fr-mt-4w" />
      <p>
        Première visite ?{' '}
        <Link className="fr-link" to="/creer-un-compte">
          Créer votre compte
        </Link>
      </p>
    </NarrowPage>
  );
}
