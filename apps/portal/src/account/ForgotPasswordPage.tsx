import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type ForgottenPassword, forgottenPasswordSchema } from '@em/contract';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api } from '../api';
import { applyServerErrors, errorMessage } from '../forms/errors';
import { TextField } from '../forms/TextField';
import { NarrowPage } from '../layout/Page';

/** « Mot de passe oublié ? »: a single-use link, valid one hour, sent by e-mail. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<ForgottenPassword>({ resolver: zodResolver(forgottenPasswordSchema), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: ForgottenPassword) {
    setServerError(null);
    try {
      setSent((await api.forgotPassword(values.email)).message);
    } catch (caught) {
      setServerError(applyServerErrors(form, caught) ?? errorMessage(caught));
    }
  }

  return (
    <NarrowPage title="Mot de passe oublié">
      <h1>Mot de passe oublié</h1>
      {sent ? (
        <>
          <Alert severity="success" small description={sent} role="status" />
          <Button className="fr-mt-4w" priority="secondary" linkProps={{ href: '/connexion' }}>
            Retour à la connexion
          </Button>
        </>
      ) : (
        <>
          <p>Indiquez l'identifiant de votre compte (votre adresse email) : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
          {serverError && <Alert className="fr-mb-3w" severity="error" small description={serverError} role="alert" />}
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
            <TextField
              label="Identifiant (adresse email)"
              type="email"
              autoComplete="username"
              error={errors.email?.message}
              {...form.register('email')}
            />
            <Button type="submit" disabled={isSubmitting}>
              Recevoir un lien par courriel
            </Button>
          </form>
        </>
      )}
    </NarrowPage>
  );
}
