import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { Loading, Page } from '../layout/Page';
import { stepPath } from '../paths';
import { useDraft } from './useDraft';

const PROFILES = {
  attaches: "Car j'ai des attaches familiales en France",
  europe:
    "Car je suis citoyen de l'union européenne, de l'espace économique européen ou suisse ou membre de famille d'un citoyen de l'union européenne, de l'espace économique européen ou suisse",
} as const;
type Profile = keyof typeof PROFILES;

/** Guide, « Choix selon le profil du demandeur »: only « Car j'ai des attaches familiales en France » leads to this téléprocédure. */
export function ProfilePage() {
  const draft = useDraft();
  const navigate = useNavigate();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (draft.isPending) {
    return (
      <Page title="Chargement">
        <Loading />
      </Page>
    );
  }
  if (draft.data) return <Navigate to={stepPath(draft.data.resumeStep)} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!profile) return setError('Indiquez votre profil.');
    if (profile === 'attaches') navigate(stepPath(1));
  }

  return (
    <Page title="Votre profil">
      <h1>Demander un titre de séjour</h1>
      <form onSubmit={onSubmit} noValidate>
        <RadioButtons
          legend="Je n'ai pas de numéro d'étranger et je souhaite faire une première demande en ligne :"
          state={error ? 'error' : 'default'}
          stateRelatedMessage={error}
          options={(Object.keys(PROFILES) as Profile[]).map((key) => ({
            label: PROFILES[key],
            nativeInputProps: {
              name: 'profil',
              value: key,
              checked: profile === key,
              onChange: () => {
                setProfile(key);
                setError(null);
              },
            },
          }))}
        />
        {profile === 'europe' && (
          <Alert
            className="fr-mb-3w"
            severity="info"
            role="status"
            small
            description="Ce service ne traite pas les demandes des citoyens de l'Union européenne, de l'Espace économique européen ou de la Suisse, ni celles des membres de leur famille. Adressez-vous à la préfecture de votre département."
          />
        )}
        <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right" disabled={profile === 'europe'}>
          Je continue
        </Button>
      </form>
    </Page>
  );
}
