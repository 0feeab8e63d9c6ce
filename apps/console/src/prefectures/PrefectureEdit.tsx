import type { StaffRole } from '@em/domain';
import { can } from '@em/domain';
import { BooleanInput, Edit, Labeled, required, SaveButton, SimpleForm, TextField, TextInput, Toolbar, usePermissions } from 'react-admin';

/**
 * The national admin names a préfecture; its own supervisor switches the daily automatic closure
 * (a decision on cases, which the admin does not take: see the README).
 */
export function PrefectureEdit() {
  const { permissions } = usePermissions<StaffRole>();
  const canRename = permissions ? can(permissions, 'manage_prefectures') : false;
  const canSwitch = permissions ? can(permissions, 'auto_close_setting') : false;
  return (
    <Edit title="Réglages de la préfecture" mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Enregistrer" />
          </Toolbar>
        }
      >
        {canRename ? (
          <TextInput source="name" label="Nom" validate={required('Nom obligatoire.')} fullWidth />
        ) : (
          <Labeled label="Préfecture">
            <TextField source="name" />
          </Labeled>
        )}
        <BooleanInput
          source="auto_close_expired"
          label="Clôturer automatiquement les dossiers dont le délai de réponse est dépassé"
          disabled={!canSwitch}
          helperText={
            canSwitch
              ? 'L’usager reçoit un courriel nommant les pièces jamais reçues. Une demande dont le courriel n’a pas été remis n’est jamais clôturée.'
              : 'Réglage réservé au superviseur de la préfecture.'
          }
        />
      </SimpleForm>
    </Edit>
  );
}
