import { Button } from '@codegouvfr/react-dsfr/Button';
import { Page } from '../layout/Page';

export function NotFoundPage() {
  return (
    <Page title="Page non trouvée">
      <h1>Page non trouvée</h1>
      <p>La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</p>
      <Button linkProps={{ href: '/' }}>Page d'accueil</Button>
    </Page>
  );
}
