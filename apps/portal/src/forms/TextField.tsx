import { Input } from '@codegouvfr/react-dsfr/Input';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type Props = UseFormRegisterReturn & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  type?: string;
  autoComplete?: string;
  native?: InputHTMLAttributes<HTMLInputElement>;
};

/** A DSFR input registered in a react-hook-form form, with its French message next to it. */
export function TextField({ label, hint, error, type = 'text', autoComplete, native, ...registered }: Props) {
  return (
    <Input
      label={label}
      hintText={hint}
      state={error ? 'error' : 'default'}
      stateRelatedMessage={error}
      nativeInputProps={{ type, autoComplete, ...native, ...registered }}
    />
  );
}

export function PasswordField(props: Omit<Props, 'type'>) {
  return <TextField type="password" {...props} />;
}

type NewPasswordProps = {
  password: UseFormRegisterReturn;
  confirmation: UseFormRegisterReturn;
  errors: { password?: { message?: string }; confirmation?: { message?: string } };
};

/** « Nouveau mot de passe » and « Confirmation du mot de passe », as the guide's reset page shows them. */
export function NewPasswordFields({ password, confirmation, errors }: NewPasswordProps) {
  return (
    <>
      <PasswordField label="Nouveau mot de passe" autoComplete="new-password" error={errors.password?.message} {...password} />
      <PasswordField
        label="Confirmation du mot de passe"
        autoComplete="new-password"
        error={errors.confirmation?.message}
        {...confirmation}
      />
    </>
  );
}
