import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { DEMANDE_STEPS } from '@em/domain';
import { Page } from '../layout/Page';
import { useSession } from '../session';

export function HomePage() {
  const { session } = useSession();
  const signedIn = session.status === 'authenticated';
  return (
    <Page title="Accueil">
      <h1>Pré-demande de titre de séjour « vie privée et familiale – étranger malade »</h1>
      <p className="fr-text--lead">
        Ce service s'adresse au ressortissant étranger résidant habituellement en France dont l'état de santé nécessite une prise en charge
        médicale exceptionnelle, et qui demande pour lui-même un premier titre de séjour.
      </p>
      <p>
        La pré-demande est examinée par la préfecture de votre lieu de résidence. Si des pièces complémentaires sont nécessaires, vous
        recevez un courriel : connectez-vous avec les identifiants de votre compte d'accès temporaire pour les transmettre.
      </p>

      <div className="em-actions fr-my-4w">
        {signedIn ? (
          <Button linkProps={{ href: '/demande' }} iconId="fr-icon-arrow-right-line" iconPosition="right">
            Reprendre ma demande
          </Button>
        ) : (
          <>
            <Button linkProps={{ href: '/creer-un-compte' }} iconId="fr-icon-arrow-right-line" iconPosition="right">
              Je demande un premier titre -sans numéro étranger, sans visa-
            </Button>
            <Button linkProps={{ href: '/connexion' }} priority="secondary" iconId="fr-icon-lock-line">
              Se connecter
            </Button>
          </>
        )}
      </div>

      <h2>Les étapes de la démarche</h2>
      <p>
        Après la création de votre compte d'accès temporaire, le dépôt de la pré-demande se fait en {DEMANDE_STEPS.length} étapes. Votre
        saisie est sauvegardée à la validation de chaque étape : si vous quittez la téléprocédure, vous pourrez la reprendre ultérieurement
        à la dernière étape enregistrée.
      </p>
      <ol className="fr-mb-4w">
        {DEMANDE_STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>

      <CallOut title="Secret médical" iconId="fr-icon-info-line">
        Ne transmettez aucun document médical à la préfecture. Le certificat médical est adressé aux médecins de l'Office français de
        l'immigration et de l'intégration (OFII), jamais à la préfecture.
      </CallOut>
    </Page>
  );
}
