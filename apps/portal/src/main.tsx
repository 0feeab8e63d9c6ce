import '@em/domain/zod-jitless';
import '@codegouvfr/react-dsfr/main.css';
import './portal.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Link } from './router';
import { SessionProvider } from './session';

// DSFR runtime (color scheme, modals, header menu); its links navigate client-side.
startReactDsfr({ defaultColorScheme: 'light', Link });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
