import type { StaffRole } from '@em/domain';
import { can } from '@em/domain';
import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import dashboard from './dashboard';
import { dataProvider } from './dataProvider';
import dossiers from './dossiers';
import emails from './emails';
import { i18nProvider } from './i18n';
import { APP_TITLE, ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './layout/LoginPage';
import prefectures from './prefectures';
import staff from './staff';
import { theme } from './theme';

export function App() {
  return (
    <Admin
      title={APP_TITLE}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={ConsoleLayout}
      loginPage={LoginPage}
      theme={theme}
      disableTelemetry
      requireAuth
    >
      {(role: StaffRole) => (
        <>
          {can(role, 'dashboard') ? <Resource name="echeances" {...dashboard} /> : null}
          <Resource name="dossiers" {...dossiers} />
          {/* Declared without views so that references and the data provider cache work. */}
          <Resource name="pieces" />
          <Resource name="files" />
          <Resource name="events" />
          <Resource name="emails" {...emails} />
          <Resource name="prefectures" {...prefectures} />
          {can(role, 'manage_staff') ? <Resource name="staff" {...staff} /> : null}
        </>
      )}
    </Admin>
  );
}
