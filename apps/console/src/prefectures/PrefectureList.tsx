import type { StaffRole } from '@em/domain';
import Alert from '@mui/material/Alert';
import { BooleanField, DataTable, List, usePermissions } from 'react-admin';

/** The préfecture(s) in the user's scope and their setting; supervisors (setting) and the admin (name) edit them. */
export function PrefectureList() {
  const { permissions } = usePermissions<StaffRole>();
  const canEdit = permissions === 'superviseur' || permissions === 'admin';
  return (
    <List title="Préfecture" pagination={false} exporter={false} actions={false}>
      <Alert severity="info" sx={{ m: 2 }}>
        Clôture automatique : dès que le délai de réponse aux pièces complémentaires est dépassé (vérification toutes les 10 minutes), les
        dossiers concernés sont clôturés comme incomplets et l’usager en est informé par courriel. Sans elle, un agent clôture chaque
        dossier à la main depuis l’onglet « Délai dépassé », ou un superviseur les clôture ensemble depuis « Échéances ». Une demande dont
        le courriel n’a pas été remis à l’usager n’est jamais clôturée.
      </Alert>
      <DataTable bulkActionButtons={false} rowClick={canEdit ? 'edit' : 'show'}>
        <DataTable.Col source="code" label="Département" />
        <DataTable.Col source="name" label="Nom" />
        <DataTable.Col source="auto_close_expired" label="Clôture automatique des dossiers en délai dépassé">
          <BooleanField source="auto_close_expired" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
