import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { useNavigate } from 'react-router';
import { useSession } from '../session';
import { brandTop, homeLinkProps, SERVICE_TAGLINE, SERVICE_TITLE } from './brand';

export function SiteHeader() {
  const { session, logout } = useSession();
  const navigate = useNavigate();

  const quickAccessItems: HeaderProps.QuickAccessItem[] =
    session.status === 'authenticated'
      ? [
          {
            iconId: 'fr-icon-account-circle-line',
            text: session.user.email,
            linkProps: { href: '/demande', title: `Ma demande (${session.user.email})` },
          },
          {
            iconId: 'fr-icon-lock-line',
            text: 'Mon mot de passe',
            linkProps: { href: '/mon-compte/mot-de-passe' },
          },
          {
            iconId: 'fr-icon-logout-box-r-line',
            text: 'Se déconnecter',
            buttonProps: {
              type: 'button',
              onClick: () => {
                void logout().finally(() => navigate('/connexion'));
              },
            },
          },
        ]
      : session.status === 'anonymous'
        ? [{ iconId: 'fr-icon-lock-line', text: 'Se connecter', linkProps: { href: '/connexion' } }]
        : [];

  return (
    <Header
      brandTop={brandTop}
      homeLinkProps={homeLinkProps}
      serviceTitle={SERVICE_TITLE}
      serviceTagline={SERVICE_TAGLINE}
      quickAccessItems={quickAccessItems}
    />
  );
}
