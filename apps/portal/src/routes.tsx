import { createBrowserRouter } from 'react-router';
import { AccountCreationPage } from './account/AccountCreationPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { NewPasswordPage } from './account/NewPasswordPage';
import { PasswordResetPage } from './account/PasswordResetPage';
import { ReceiptPage } from './demande/ReceiptPage';
import { JustificatifsPage } from './justificatifs/JustificatifsPage';
import { RequireSession, RootLayout } from './layout/RootLayout';
import { DossierPage } from './pages/DossierPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** The portal's pages (README, « Portail »). */
export const routes = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'connexion', element: <LoginPage /> },
      { path: 'creer-un-compte', element: <AccountCreationPage /> },
      { path: 'mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: 'nouveau-mot-de-passe', element: <NewPasswordPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'mon-compte/mot-de-passe', element: <PasswordResetPage /> },
          { path: 'demarche', lazy: () => import('./demande/ProfilePage').then((m) => ({ Component: m.ProfilePage })) },
          { path: 'demande', element: <DossierPage /> },
          // The téléprocédure's forms (and the list of countries) load when first needed.
          { path: 'demande/etape/:step', lazy: () => import('./demande/StepPage').then((m) => ({ Component: m.StepPage })) },
          {
            path: 'demande/confirmation',
            lazy: () => import('./demande/ConfirmationPage').then((m) => ({ Component: m.ConfirmationPage })),
          },
          { path: 'demande/recu', element: <ReceiptPage /> },
          { path: 'demande/justificatifs', element: <JustificatifsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
