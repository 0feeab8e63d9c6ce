import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ReactNode, SelectHTMLAttributes } from 'react';

type Props = {
  label: ReactNode;
  options: readonly string[];
  error?: string;
  hint?: ReactNode;
  /** A registered field (`form.register(…)`) or a controlled value. */
  native: SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> };
  placeholder?: string;
};

/** Countries and nationalities in French, from the maintained list (i18n-iso-countries). */
export function CountrySelect({ label, options, error, hint, native, placeholder = 'Sélectionnez dans la liste' }: Props) {
  return (
    <Select label={label} hint={hint} state={error ? 'error' : 'default'} stateRelatedMessage={error} nativeSelectProps={native}>
      <option value="">{placeholder}</option>
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </Select>
  );
}
