import KeyIcon from '@mui/icons-material/Key';
import Button from '@mui/material/Button';
import { useState } from 'react';
import {
  BooleanInput,
  Edit,
  SaveButton,
  SimpleForm,
  TextField,
  Toolbar,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
} from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { ProvisionalPasswordDialog } from './ProvisionalPasswordDialog';
import { StaffInputs } from './StaffInputs';

/** A new provisional password: the old one stops working and the person's sessions end. */
function ResetPasswordButton() {
  const record = useRecordContext<{ id: number; email: string }>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [password, setPassword] = useState<string | null>(null);
  if (!record) return null;
  const reset = async () => {
    try {
      setPassword((await dataProvider.resetStaffPassword(record.id)).data.provisional_password);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button startIcon={<KeyIcon />} onClick={reset}>
        Réinitialiser le mot de passe
      </Button>
      <ProvisionalPasswordDialog email={record.email} password={password} onClose={() => setPassword(null)} />
    </>
  );
}

function StaffToolbar() {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton label="Enregistrer" />
      <ResetPasswordButton />
    </Toolbar>
  );
}

export function StaffEdit() {
  const { identity } = useGetIdentity();
  return (
    <Edit title="Compte" mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<StaffToolbar />}>
        <TextField source="email" label="Adresse électronique" />
        <StaffInputs />
        <FormActive selfId={identity?.id} />
      </SimpleForm>
    </Edit>
  );
}

/** « Actif »: switched off, the account can no longer log in and its open sessions end at once. */
function FormActive({ selfId }: { selfId?: string | number }) {
  const record = useRecordContext<{ id: number }>();
  return (
    <BooleanInput
      source="active"
      label="Compte actif"
      disabled={record?.id === selfId}
      helperText={
        record?.id === selfId ? 'Vous ne pouvez pas désactiver votre propre compte.' : 'Désactivé : ses sessions se terminent aussitôt.'
      }
    />
  );
}
