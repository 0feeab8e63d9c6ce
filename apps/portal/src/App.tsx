import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { type ReactNode, useEffect } from 'react';
import { JustificatifsPage } from './justificatifs/JustificatifsPage';
import { Loading, Page } from './layout/Page';
import { SiteFooter } from './layout/SiteFooter';
import { SiteHeader } from './layout/SiteHeader';
import { DossierPage } from './pages/DossierPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PasswordResetPage } from './pages/PasswordResetPage';
import { loginPathFor, navigate, useLocation } from './router';
import { useSession } from './session';

/** Pages that need a signed-in applicant: anyone else is sent to /connexion?suite=<here>. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { pathname, search } = useLocation();
  const query = search.toString();
  const here = pathname + (query ? `?${query}` : '');

  useEffect(() => {
    if (session.status === 'anonymous') navigate(loginPathFor(here), { replace: true });
  }, [session.status, here]);

  if (session.status === 'authenticated') return <>{children}</>;
  if (session.status === 'unavailable') {
    return (
      <Page title="Service indisponible">
        <Alert severity="error" title="Service momentanément indisponible" description={session.message} />
      </Page>
    );
  }
  return (
    <Page title="Chargement">
      <Loading />
    </Page>
  );
}

function Routes() {
  const { session } = useSession();
  const { pathname } = useLocation();

  if (session.status === 'loading') {
    return (
      <Page title="Chargement">
        <Loading />
      </Page>
    );
  }
  // The provisional password must be replaced before anything else (guide: « Réinitialisation du mot de passe »).
  if (session.status === 'authenticated' && session.user.must_reset_password) return <PasswordResetPage />;

  switch (pathname) {
    case '/':
      return <HomePage />;
    case '/connexion':
      return <LoginPage />;
    case '/demande':
      return (
        <RequireSession>
          <DossierPage />
        </RequireSession>
      );
    case '/demande/justificatifs':
      return (
        <RequireSession>
          <JustificatifsPage />
        </RequireSession>
      );
    default:
      return <NotFoundPage />;
  }
}

export function App() {
  return (
    <>
      <SkipLinks links={[{ label: 'Contenu', anchor: '#contenu' }]} />
      <SiteHeader />
      <Routes />
      <SiteFooter />
    </>
  );
}
