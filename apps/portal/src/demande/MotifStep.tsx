import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { COUNTRY_NAMES, type Draft, motifRequestSchema } from '@em/contract';
import { FAMILY_SITUATION_LABELS, FAMILY_SITUATIONS, isInUnion, isoDay, MOTIF_SANTE, parisDay } from '@em/domain';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { api } from '../api';
import { CountrySelect } from '../forms/CountrySelect';
import { IsoDateField } from '../forms/DateParts';
import { DemandeFrame } from './DemandeFrame';
import { StepActions } from './StepActions';
import { useStepForm } from './useStepForm';

/** Step 3 « Motif de séjour »: pre-filled motive, family links, children, the two attestations. */
export function MotifStep({ draft }: { draft: Draft }) {
  const e = draft.etatCivil;
  const schema = useMemo(
    () =>
      motifRequestSchema({
        today: isoDay(parisDay(new Date())),
        birth: e.birthYear ? { birthYear: e.birthYear, birthMonth: e.birthMonth, birthDay: e.birthDay } : null,
      }),
    [e.birthYear, e.birthMonth, e.birthDay],
  );
  const m = draft.motif;
  const { form, onSubmit, back, quit, error, restored, busy } = useStepForm({
    step: 3,
    draft,
    schema,
    defaults: {
      entryDate: m.entryDate ?? '',
      familySituation: (m.familySituation as (typeof FAMILY_SITUATIONS)[number] | null) ?? undefined,
      unionDate: m.unionDate ?? '',
      unionCountry: m.unionCountry ?? '',
      dependentChildren: m.dependentChildren ?? undefined,
      attestNoPolygamy: m.attestNoPolygamy,
      attestPenalties: m.attestPenalties,
    },
    save: (values) => api.saveMotif(draft.id, values),
  });
  const errors = form.formState.errors;
  const union = isInUnion(form.watch('familySituation'));

  return (
    <DemandeFrame step={3} progress={draft.progress}>
      <p className="fr-text--lead">Je renseigne mon motif de séjour</p>
      {restored && (
        <Alert className="fr-mb-3w" severity="info" small role="status" description="Votre saisie non enregistrée a été conservée." />
      )}
      {error && <Alert className="fr-mb-3w" severity="error" small role="alert" description={error} />}
      <form onSubmit={onSubmit} noValidate>
        <section aria-labelledby="motif-titre" className="fr-mb-4w">
          <h2 id="motif-titre" className="fr-h5">
            MOTIF DE SÉJOUR
          </h2>
          <p>{MOTIF_SANTE}</p>
        </section>

        <section aria-labelledby="liens-titre" className="fr-mb-4w">
          <h2 id="liens-titre" className="fr-h5">
            LIENS PERSONNELS ET FAMILIAUX
          </h2>
          <p className="fr-text--sm">Les champs marqués d'un * sont obligatoires.</p>
          <h3 className="fr-h6">MA SITUATION FAMILIALE</h3>
          <Controller
            control={form.control}
            name="entryDate"
            render={({ field }) => (
              <IsoDateField
                legend="Date d'entrée en France *"
                error={errors.entryDate?.message}
                value={field.value ?? ''}
                onChange={field.onChange}
                inputRef={field.ref}
              />
            )}
          />
          <Select
            label="Quelle est votre situation familiale actuelle ? *"
            state={errors.familySituation ? 'error' : 'default'}
            stateRelatedMessage={errors.familySituation?.message}
            nativeSelectProps={form.register('familySituation')}
          >
            <option value="">Sélectionnez votre situation</option>
            {FAMILY_SITUATIONS.map((situation) => (
              <option key={situation} value={situation}>
                {FAMILY_SITUATION_LABELS[situation]}
              </option>
            ))}
          </Select>
          {union && (
            <>
              <Controller
                control={form.control}
                name="unionDate"
                render={({ field }) => (
                  <IsoDateField
                    legend="Date de début de l'union *"
                    error={errors.unionDate?.message}
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    inputRef={field.ref}
                  />
                )}
              />
              <CountrySelect
                label="Pays de l'union *"
                options={COUNTRY_NAMES}
                error={errors.unionCountry?.message}
                native={form.register('unionCountry')}
              />
            </>
          )}
          <h3 className="fr-h6">ENFANTS</h3>
          <Controller
            control={form.control}
            name="dependentChildren"
            render={({ field }) => (
              <RadioButtons
                legend="Avez-vous des enfants à votre charge ? *"
                orientation="horizontal"
                state={errors.dependentChildren ? 'error' : 'default'}
                stateRelatedMessage={errors.dependentChildren?.message}
                options={[
                  { label: 'Oui', value: true },
                  { label: 'Non', value: false },
                ].map((option, index) => ({
                  label: option.label,
                  nativeInputProps: {
                    name: field.name,
                    checked: field.value === option.value,
                    onChange: () => field.onChange(option.value),
                    onBlur: field.onBlur,
                    ref: index === 0 ? field.ref : undefined,
                  },
                }))}
              />
            )}
          />
        </section>

        <section aria-labelledby="attestation-titre" className="fr-mb-4w">
          <h2 id="attestation-titre" className="fr-h5">
            ATTESTATION SUR L'HONNEUR
          </h2>
          <Checkbox
            legend="En cochant les cases suivantes, j'atteste sur l'honneur :"
            state={errors.attestNoPolygamy || errors.attestPenalties ? 'error' : 'default'}
            stateRelatedMessage={[errors.attestNoPolygamy?.message, errors.attestPenalties?.message].filter(Boolean).join(' ')}
            options={[
              {
                label: "Ne pas vivre en France en état de polygamie, même si mon pays d'origine l'autorise. *",
                nativeInputProps: form.register('attestNoPolygamy'),
              },
              {
                label: "Avoir connaissance des sanctions pénales encourues par l'auteur d'une fausse attestation. *",
                nativeInputProps: form.register('attestPenalties'),
              },
            ]}
          />
        </section>
        <StepActions draftId={draft.id} onBack={back} onQuit={quit} busy={busy} />
      </form>
    </DemandeFrame>
  );
}
