import { Input } from '@codegouvfr/react-dsfr/Input';
import { TextField } from '../forms/TextField';
import { CommuneSearch, communeKey } from './CommuneSearch';
import type { PersonalForm } from './PersonalStep';

/** « ADRESSE » of step 2: the commune from the official list (it decides the préfecture), or typed by hand overseas. */
export function AdresseFields({ form }: { form: PersonalForm }) {
  const errors = form.formState.errors.adresse;
  const [inseeCode, postalCode] = form.watch(['adresse.inseeCode', 'adresse.postalCode']) as [string, string];
  const fill = { shouldValidate: form.formState.isSubmitted, shouldDirty: true };
  return (
    <section aria-labelledby="adresse-titre" className="fr-mb-4w">
      <h2 id="adresse-titre" className="fr-h5">
        ADRESSE
      </h2>
      <TextField
        label="Numéro de voie"
        autoComplete="off"
        error={errors?.addressNumber?.message}
        {...form.register('adresse.addressNumber')}
      />
      <TextField
        label="Voie *"
        hint="Par exemple : Rue Nationale"
        autoComplete="address-line1"
        error={errors?.addressStreet?.message}
        {...form.register('adresse.addressStreet')}
      />
      <TextField
        label="Complément d'adresse"
        autoComplete="address-line2"
        error={errors?.addressComplement?.message}
        {...form.register('adresse.addressComplement')}
      />
      <CommuneSearch
        selected={inseeCode && postalCode ? communeKey({ codeInsee: inseeCode, codePostal: postalCode }) : ''}
        onChoose={(commune) => {
          form.setValue('adresse.city', commune.nom, fill);
          form.setValue('adresse.postalCode', commune.codePostal, fill);
          form.setValue('adresse.inseeCode', commune.codeInsee, fill);
        }}
      />
      <p className="fr-text--sm">
        Vous résidez outre-mer et vous ne trouvez pas votre adresse dans les suggestions d'adresse qui vous sont proposées : renseignez
        vous-même le code postal, la ville et le code INSEE ci-dessous.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <TextField
            label="Code postal *"
            autoComplete="postal-code"
            native={{ inputMode: 'numeric', maxLength: 5 }}
            error={errors?.postalCode?.message}
            {...form.register('adresse.postalCode')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <TextField label="Ville *" autoComplete="address-level2" error={errors?.city?.message} {...form.register('adresse.city')} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Pays" nativeInputProps={{ value: 'France', readOnly: true }} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <TextField
            label="Code INSEE *"
            hint="Il détermine la préfecture qui examinera votre demande."
            native={{ maxLength: 5 }}
            error={errors?.inseeCode?.message}
            {...form.register('adresse.inseeCode')}
          />
        </div>
      </div>
    </section>
  );
}
