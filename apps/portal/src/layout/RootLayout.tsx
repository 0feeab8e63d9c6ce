import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { PasswordResetPage } from '../account/PasswordResetPage';
import { loginPathFor } from '../paths';
import { useSession } from '../session';
import { Loading, Page } from './Page';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

function SessionGate() {
  const { session } = useSession();
  if (session.status === 'loading') {
    return (
      <Page title="Chargement">
        <Loading />
      </Page>
    );
  }
  // The provisional password is replaced before anything else (guide: « Réinitialisation du mot de passe »).
  if (session.status === 'authenticated' && session.user.must_reset_password) return <PasswordResetPage forced />;
  return <Outlet />;
}

export function RootLayout() {
  return (
    <>
      <SkipLinks links={[{ label: 'Contenu', anchor: '#contenu' }]} />
      <SiteHeader />
      <SessionGate />
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
}

/** Pages that need a signed-in applicant: anyone else goes to /connexion?suite=<here>, and comes back here after logging in. */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'anonymous') return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  if (session.status === 'unavailable') {
    return (
      <Page title="Service indisponible">
        <Alert severity="error" title="Service momentanément indisponible" description={session.message} />
      </Page>
    );
  }
  if (session.status === 'loading') {
    return (
      <Page title="Chargement">
        <Loading />
      </Page>
    );
  }
  return <Outlet />;
}
