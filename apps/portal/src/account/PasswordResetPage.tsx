import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type PasswordChange, passwordChangeSchema } from '@em/contract';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api } from '../api';
import { applyServerErrors, errorMessage } from '../forms/errors';
import { NewPasswordFields, PasswordField } from '../forms/TextField';
import { NarrowPage } from '../layout/Page';
import { useSession } from '../session';

const RULES =
  'Votre mot de passe doit faire au moins 8 caractères avec au moins une majuscule, une minuscule, un chiffre et un caractère spécial.';

/**
 * Guide, « Réinitialisation du mot de passe »: shown instead of any page while the account still has
 * its provisional password (`forced`). Otherwise « Modifier mon mot de passe », which asks the current one.
 */
export function PasswordResetPage({ forced = false }: { forced?: boolean }) {
  const { session, signedIn } = useSession();
  const [done, setDone] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<PasswordChange>({
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: { current: '', password: '', confirmation: '' },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: PasswordChange) {
    setServerError(null);
    if (!forced && !values.current) {
      form.setError('current', { message: 'Mot de passe actuel : champ obligatoire.' }, { shouldFocus: true });
      return;
    }
    try {
      await api.changePassword(forced ? { password: values.password, confirmation: values.confirmation } : values);
      if (session.status === 'authenticated') signedIn({ ...session.user, must_reset_password: false });
      if (!forced) {
        form.reset();
        setDone(true);
      }
    } catch (caught) {
      setServerError(applyServerErrors(form, caught) ?? errorMessage(caught));
    }
  }

  const title = forced ? 'Réinitialisation du mot de passe' : 'Modifier mon mot de passe';
  return (
    <NarrowPage title={title}>
      <h1>{title}</h1>
      <p>
        {forced
          ? `Votre mot de passe doit être réinitialisé. Merci de renseigner un nouveau mot de passe, qui doit faire au moins 8 caractères avec au moins une majuscule, une minuscule, un chiffre et un caractère spécial.`
          : RULES}
      </p>
      {!forced && <p>Après le changement, vos autres sessions ouvertes (sur un autre appareil, par exemple) sont fermées.</p>}

      {done && <Alert className="fr-mb-3w" severity="success" small description="Votre mot de passe a été modifié." role="status" />}
      {serverError && <Alert className="fr-mb-3w" severity="error" small description={serverError} role="alert" />}

      <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
        {!forced && (
          <PasswordField
            label="Mot de passe actuel"
            autoComplete="current-password"
            error={errors.current?.message}
            {...form.register('current')}
          />
        )}
        <NewPasswordFields password={form.register('password')} confirmation={form.register('confirmation')} errors={errors} />
        <Button type="submit" disabled={isSubmitting}>
          Valider mon mot de passe
        </Button>
      </form>
    </NarrowPage>
  );
}
