import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal } from 'react-admin';
import { PasswordChangeGate } from '../account/PasswordChangeGate';
import { ConsoleMenu } from './ConsoleMenu';

export const APP_TITLE = 'Étranger malade — Console préfecture';

/**
 * App name, then the page title; the user menu (right) shows the agent's full name. Always shown
 * (no hide on scroll), so that the dossier page's sticky action bar and file viewer stay put under it.
 */
function ConsoleAppBar() {
  return (
    <AppBar color="primary" alwaysOn>
      <Typography variant="h6" component="span" noWrap sx={{ fontWeight: 600, fontSize: '1.05rem' }}>
        {APP_TITLE}
      </Typography>
      <Box component="span" aria-hidden sx={{ mx: 1.5, opacity: 0.6, display: { xs: 'none', md: 'inline' } }}>
        |
      </Box>
      <TitlePortal variant="body1" sx={{ display: { xs: 'none', md: 'block' } }} />
    </AppBar>
  );
}

export function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={ConsoleAppBar} appBarAlwaysOn menu={ConsoleMenu}>
      <PasswordChangeGate>{children}</PasswordChangeGate>
    </Layout>
  );
}
