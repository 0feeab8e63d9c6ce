import '@em/domain/zod-jitless';
import '@codegouvfr/react-dsfr/main.css';
import './portal.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from './api';
import { DsfrLink } from './layout/DsfrLink';
import { routes } from './routes';
import { ME_KEY } from './session';

// DSFR runtime (color scheme, header menu); its links navigate client-side.
startReactDsfr({ defaultColorScheme: 'light', Link: DsfrLink });

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
// A session that ends while a page is open: the page asks to log in again and comes back (RequireSession).
setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={routes} />
    </QueryClientProvider>
  </StrictMode>,
);
