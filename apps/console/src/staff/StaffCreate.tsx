import { useState } from 'react';
import { Create, email, required, SimpleForm, TextInput, useRedirect } from 'react-admin';
import { ProvisionalPasswordDialog } from './ProvisionalPasswordDialog';
import { StaffInputs } from './StaffInputs';

export function StaffCreate() {
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ email: string; provisional_password: string } | null>(null);
  return (
    <>
      <Create title="Nouveau compte" redirect={false} mutationOptions={{ onSuccess: (data) => setCreated(data) }}>
        <SimpleForm defaultValues={{ role: 'agent' }}>
          <TextInput
            source="email"
            label="Adresse électronique (identifiant)"
            validate={[required('Adresse obligatoire.'), email('Adresse électronique invalide.')]}
            fullWidth
          />
          <StaffInputs />
        </SimpleForm>
      </Create>
      <ProvisionalPasswordDialog
        email={created?.email ?? ''}
        password={created?.provisional_password ?? null}
        onClose={() => {
          setCreated(null);
          redirect('list', 'staff');
        }}
      />
    </>
  );
}
