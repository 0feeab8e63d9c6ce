import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { type Draft, informationsPersonnellesRequestSchema } from '@em/contract';
import { isoDay, parisDay } from '@em/domain';
import { Link } from 'react-router';
import { api } from '../api';
import { TextField } from '../forms/TextField';
import { stepPath } from '../paths';
import { AdresseFields } from './AdresseFields';
import { DemandeFrame } from './DemandeFrame';
import { EtatCivilFields } from './EtatCivilFields';
import { StepActions } from './StepActions';
import { useStepForm } from './useStepForm';

const schema = informationsPersonnellesRequestSchema(isoDay(parisDay(new Date())));
export type PersonalForm = ReturnType<typeof useStepForm<typeof schema>>['form'];

function defaults(draft: Draft) {
  const e = draft.etatCivil;
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    etatCivil: {
      ...e,
      firstNames: e.firstNames.length ? e.firstNames : [''],
      nationalities: e.nationalities.length ? e.nationalities : [''],
      sex: e.sex ?? undefined,
      birthDay: text(e.birthDay),
      birthMonth: text(e.birthMonth),
      birthYear: text(e.birthYear),
    },
    adresse: { ...draft.adresse, country: 'France' },
    contact: { email: draft.contact.email || draft.accountEmail, phone: draft.contact.phone },
  };
}

/** Step 2 « Informations personnelles »: état civil, adresse, informations de contact. */
export function PersonalStep({ draft }: { draft: Draft }) {
  const { form, onSubmit, back, quit, error, restored, busy } = useStepForm({
    step: 2,
    draft,
    schema,
    defaults: defaults(draft),
    save: (values) => api.savePersonal(draft.id, values),
  });
  const errors = form.formState.errors.contact;

  return (
    <DemandeFrame step={2} progress={draft.progress}>
      <CallOut title="Merci, nous avons bien pris en compte votre situation." iconId="fr-icon-success-line" className="fr-mb-4w">
        <span className="em-block">Vous sollicitez pour la première fois un titre de séjour.</span>
        <span className="em-block">
          Vous êtes un ressortissant étranger résidant habituellement en France et votre état de santé nécessite une prise en charge
          médicale exceptionnelle.
        </span>
        <Link className="fr-link" to={stepPath(1)}>
          Modifier ma situation
        </Link>
      </CallOut>
      <p className="fr-text--lead">Maintenant, nous allons vous demander de renseigner vos informations personnelles</p>
      {restored && (
        <Alert className="fr-mb-3w" severity="info" small role="status" description="Votre saisie non enregistrée a été conservée." />
      )}
      {error && <Alert className="fr-mb-3w" severity="error" small role="alert" description={error} />}

      <form onSubmit={onSubmit} noValidate>
        <p className="fr-text--sm">Les champs marqués d'un * sont obligatoires.</p>
        <EtatCivilFields form={form} />
        <AdresseFields form={form} />
        <section aria-labelledby="contact-titre" className="fr-mb-4w">
          <h2 id="contact-titre" className="fr-h5">
            INFORMATIONS DE CONTACT
          </h2>
          <p>
            Il s'agit des informations de contact utilisées pour l'ensemble des contacts avec l'administration dans le cadre de cette
            démarche.
          </p>
          <TextField
            label="Email"
            hint={`Facultatif. Sans adresse, les courriels sont envoyés à l'identifiant de votre compte (${draft.accountEmail}).`}
            type="email"
            autoComplete="email"
            error={errors?.email?.message}
            {...form.register('contact.email')}
          />
          <TextField
            label="Téléphone *"
            hint="Format attendu : 0102030405 ou +33 1 02 03 04 05"
            type="tel"
            autoComplete="tel"
            error={errors?.phone?.message}
            {...form.register('contact.phone')}
          />
        </section>
        <StepActions draftId={draft.id} onBack={back} onQuit={quit} busy={busy} />
      </form>
    </DemandeFrame>
  );
}
