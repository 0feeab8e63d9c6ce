import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type PasswordResetByLink, passwordResetByLinkSchema } from '@em/contract';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { applyServerErrors, errorMessage } from '../forms/errors';
import { NewPasswordFields } from '../forms/TextField';
import { NarrowPage } from '../layout/Page';

/** The page the « Mot de passe oublié ? » e-mail links to: `/nouveau-mot-de-passe?jeton=…`. */
export function NewPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<PasswordResetByLink>({
    resolver: zodResolver(passwordResetByLinkSchema),
    defaultValues: { token, password: '', confirmation: '' },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: PasswordResetByLink) {
    setServerError(null);
    try {
      setDone((await api.resetPasswordByLink(values.token, values.password, values.confirmation)).message);
    } catch (caught) {
      setServerError(applyServerErrors(form, caught) ?? errorMessage(caught));
    }
  }

  return (
    <NarrowPage title="Choisir un nouveau mot de passe">
      <h1>Choisir un nouveau mot de passe</h1>
      {done ? (
        <>
          <Alert severity="success" small description={done} role="status" />
          <Button className="fr-mt-4w" linkProps={{ href: '/connexion' }}>
            Se connecter
          </Button>
        </>
      ) : !token ? (
        <Alert
          severity="error"
          small
          description="Ce lien est incomplet. Demandez-en un nouveau avec « Mot de passe oublié ? »."
          role="alert"
        />
      ) : (
        <>
          <p>
            Votre mot de passe doit faire au moins 8 caractères avec au moins une majuscule, une minuscule, un chiffre et un caractère
            spécial.
          </p>
          {serverError && (
            <Alert
              className="fr-mb-3w"
              severity="error"
              small
              description={
                <>
                  {serverError} <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
                </>
              }
              role="alert"
            />
          )}
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
            <NewPasswordFields password={form.register('password')} confirmation={form.register('confirmation')} errors={errors} />
            <Button type="submit" disabled={isSubmitting}>
              Valider mon mot de passe
            </Button>
          </form>
        </>
      )}
    </NarrowPage>
  );
}
