import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Page } from '../layout/Page';

const STEPS = ['Votre situation', 'Informations personnelles', 'Motif de séjour', 'Justificatifs', 'Dépôt de la demande', 'Confirmation'];

export function HomePage() {
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

      <Notice
        className="fr-my-4w"
        title="Version en cours de déploiement :"
        description="la création de compte et la téléprocédure de dépôt en 6 étapes ne sont pas encore disponibles en ligne. Elles seront proposées dans une prochaine version. Si vous avez déjà un compte, vous pouvez dès maintenant vous connecter pour suivre votre demande et transmettre les pièces complémentaires demandées par la préfecture."
      />

      <div className="em-actions fr-mb-6w">
        <Button linkProps={{ href: '/connexion' }} iconId="fr-icon-lock-line">
          Se connecter
        </Button>
        <Button linkProps={{ href: '/connexion' }} priority="secondary">
          Reprendre ma demande
        </Button>
      </div>

      <h2>Les étapes de la démarche</h2>
      <p>Le dépôt d'une pré-demande en ligne se fera en 6 étapes (bientôt disponible) :</p>
      <ol className="fr-mb-4w">
        {STEPS.map((step) => (
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
