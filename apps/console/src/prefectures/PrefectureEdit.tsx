import type { Prefecture } from '@em/contract';
import type { StaffRole } from '@em/domain';
import { can } from '@em/domain';
import {
  BooleanInput,
  Edit,
  Labeled,
  required,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AUTO_CLOSE_LABEL, AutoCloseSaveButton } from './AutoCloseSaveButton';
import { closableSentence, PrefectureShow } from './PrefectureShow';

function AutoCloseHelp({ canSwitch }: { canSwitch: boolean }) {
  const record = useRecordContext<Prefecture>();
  const on = useWatch<Prefecture, 'auto_close_expired'>({ name: 'auto_close_expired' });
  if (!canSwitch) return <>Réglage réservé au superviseur de la préfecture.</>;
  const base =
    'L’usager reçoit un courriel nommant les pièces jamais reçues. Une demande dont le courriel n’a pas été remis n’est jamais clôturée.';
  return <>{on && record && !record.auto_close_expired ? `${closableSentence(record.closable_now)} ${base}` : base}</>;
}

/**
 * The national admin names a préfecture; its own supervisor switches the daily automatic closure
 * (a decision on cases, which the admin does not take: see the README). Anyone else reads them.
 */
export function PrefectureEdit() {
  const { permissions, isPending } = usePermissions<StaffRole>();
  const canRename = permissions ? can(permissions, 'manage_prefectures') : false;
  const canSwitch = permissions ? can(permissions, 'auto_close_setting') : false;
  if (isPending) return null;
  if (!canRename && !canSwitch) return <PrefectureShow />;
  return (
    <Edit title="Réglages de la préfecture" mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar>
            <AutoCloseSaveButton />
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
          label={AUTO_CLOSE_LABEL}
          disabled={!canSwitch}
          helperText={<AutoCloseHelp canSwitch={canSwitch} />}
        />
      </SimpleForm>
    </Edit>
  );
}
