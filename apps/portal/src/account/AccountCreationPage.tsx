import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type AccountRequest, type AccountResponse, accountRequestSchema } from '@em/contract';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { api } from '../api';
import { applyServerErrors, errorMessage } from '../forms/errors';
import { TextField } from '../forms/TextField';
import { NarrowPage, Page } from '../layout/Page';

/** Guide, « Je demande un premier titre -sans numéro étranger, sans visa- »: e-mail, confirmation, « Valider ». */
export function AccountCreationPage() {
  const [result, setResult] = useState<AccountResponse | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const form = useForm<AccountRequest>({ resolver: zodResolver(accountRequestSchema), defaultValues: { email: '', confirmation: '' } });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function onSubmit(values: AccountRequest) {
    setServerError(null);
    try {
      setResult(await api.createAccount(values.email, values.confirmation));
    } catch (caught) {
      setServerError(applyServerErrors(form, caught) ?? errorMessage(caught));
    }
  }

  if (result) {
    return (
      <Page title="Création de compte">
        <div ref={resultRef} tabIndex={-1} className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-8">
            <h1>Création de compte</h1>
            {result.created ? (
              <Alert
                severity="info"
                title={result.message}
                description={
                  <>
                    <p>Un courriel vous a été envoyé avec votre identifiant et un mot de passe provisoire.</p>
                    <p>Vous devez vous connecter et créer votre mot de passe avant de pouvoir envoyer votre demande.</p>
                  </>
                }
              />
            ) : (
              <Alert severity="warning" title="Ce compte existe déjà" description={result.message} />
            )}
            <div className="em-actions fr-mt-4w">
              <Button linkProps={{ href: '/connexion' }}>Se connecter</Button>
              {!result.created && (
                <Button priority="secondary" linkProps={{ href: '/mot-de-passe-oublie' }}>
                  Mot de passe oublié ?
                </Button>
              )}
              <Button priority="tertiary" linkProps={{ href: '/' }}>
                Retour à l'accueil
              </Button>
            </div>
          </div>
        </div>
      </Page>
    );
  }

  return (
    <NarrowPage title="Demander un titre de séjour">
      <h1>Demander un titre de séjour</h1>
      <p className="fr-text--lead">Compléter les renseignements suivants pour accéder à vos services.</p>
      <p className="fr-text--sm">Les champs marqués d'un * sont obligatoires.</p>
      {serverError && <Alert className="fr-mb-3w" severity="error" small description={serverError} role="alert" />}
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
        <TextField
          label="Adresse email *"
          hint="Format attendu : nom@domaine.fr. Elle sera votre identifiant."
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Confirmation de l'adresse email *"
          type="email"
          autoComplete="email"
          error={errors.confirmation?.message}
          {...form.register('confirmation')}
        />
        <Button type="submit" disabled={isSubmitting}>
          Valider
        </Button>
      </form>
      <p className="fr-mt-4w">
        Vous avez déjà un compte ? <Link to="/connexion">Se connecter</Link>
      </p>
    </NarrowPage>
  );
}
