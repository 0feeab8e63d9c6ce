import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { COUNTRY_NAMES, NATIONALITY_NAMES } from '@em/contract';
import { SEX_LABELS, SEXES } from '@em/domain';
import { Controller } from 'react-hook-form';
import { CountrySelect } from '../forms/CountrySelect';
import { DatePartsFieldset, MonthOptions } from '../forms/DateParts';
import { RepeatedField } from '../forms/RepeatedField';
import { TextField } from '../forms/TextField';
import type { PersonalForm } from './PersonalStep';

type ItemErrors = { message?: string; [index: number]: { message?: string } | undefined } | undefined;
const itemError = (errors: ItemErrors, index: number) => errors?.[index]?.message ?? (index === 0 ? errors?.message : undefined);

/** « ÉTAT CIVIL » of step 2, in the guide's order and words. */
export function EtatCivilFields({ form }: { form: PersonalForm }) {
  const errors = form.formState.errors.etatCivil;
  const birthError = errors?.birthDay?.message ?? errors?.birthMonth?.message ?? errors?.birthYear?.message;
  return (
    <section aria-labelledby="etat-civil-titre" className="fr-mb-4w">
      <h2 id="etat-civil-titre" className="fr-h5">
        ÉTAT CIVIL
      </h2>
      <TextField
        label="Nom de naissance *"
        autoComplete="family-name"
        error={errors?.birthName?.message}
        {...form.register('etatCivil.birthName')}
      />
      <TextField
        label="Nom d'usage (facultatif)"
        hint="Par exemple le nom de votre époux ou épouse."
        error={errors?.usageName?.message}
        {...form.register('etatCivil.usageName')}
      />
      <Controller
        control={form.control}
        name="etatCivil.firstNames"
        render={({ field }) => (
          <RepeatedField
            values={field.value as string[]}
            onChange={field.onChange}
            max={10}
            addLabel="Ajouter un prénom"
            removeLabel={(i) => `Retirer le prénom ${i + 1}`}
            firstRef={field.ref as never}
            render={(index, item) => (
              <Input
                label={index === 0 ? 'Prénom(s) *' : `Prénom ${index + 1}`}
                state={itemError(errors?.firstNames as ItemErrors, index) ? 'error' : 'default'}
                stateRelatedMessage={itemError(errors?.firstNames as ItemErrors, index)}
                nativeInputProps={{
                  value: item.value,
                  onChange: (e) => item.onChange(e.target.value),
                  ref: item.ref,
                  autoComplete: index === 0 ? 'given-name' : 'off',
                }}
              />
            )}
          />
        )}
      />
      <RadioButtons
        legend="Quel est votre sexe ? *"
        orientation="horizontal"
        state={errors?.sex ? 'error' : 'default'}
        stateRelatedMessage={errors?.sex?.message}
        options={SEXES.map((sex) => ({ label: SEX_LABELS[sex], nativeInputProps: { ...form.register('etatCivil.sex'), value: sex } }))}
      />
      <DatePartsFieldset
        legend="Date de naissance"
        hint="L'année est obligatoire (*) ; indiquez le jour et le mois si vous les connaissez."
        error={birthError}
        day={<TextField label="Jour" native={{ inputMode: 'numeric', maxLength: 2 }} {...form.register('etatCivil.birthDay')} />}
        month={
          <Select label="Mois" nativeSelectProps={form.register('etatCivil.birthMonth')}>
            <MonthOptions />
          </Select>
        }
        year={<TextField label="Année *" native={{ inputMode: 'numeric', maxLength: 4 }} {...form.register('etatCivil.birthYear')} />}
      />
      <CountrySelect
        label="Pays de naissance *"
        options={COUNTRY_NAMES}
        error={errors?.birthCountry?.message}
        native={form.register('etatCivil.birthCountry')}
      />
      <TextField
        label="Lieu de naissance *"
        hint="La ville de naissance."
        error={errors?.birthPlace?.message}
        {...form.register('etatCivil.birthPlace')}
      />
      <Controller
        control={form.control}
        name="etatCivil.nationalities"
        render={({ field }) => (
          <RepeatedField
            values={field.value as string[]}
            onChange={field.onChange}
            max={5}
            addLabel="Ajouter une nationalité"
            removeLabel={(i) => `Retirer la nationalité ${i + 1}`}
            firstRef={field.ref as never}
            render={(index, item) => (
              <CountrySelect
                label={index === 0 ? 'Nationalité(s) *' : `Nationalité ${index + 1}`}
                options={NATIONALITY_NAMES}
                error={itemError(errors?.nationalities as ItemErrors, index)}
                native={{ value: item.value, onChange: (e) => item.onChange(e.target.value), ref: item.ref }}
              />
            )}
          />
        )}
      />
    </section>
  );
}
