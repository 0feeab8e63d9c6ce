import { STAFF_ROLE_LABELS, STAFF_ROLES } from '@em/domain';
import { FormDataConsumer, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';

export const ROLE_CHOICES = STAFF_ROLES.map((role) => ({ id: role, name: STAFF_ROLE_LABELS[role] }));

/** Name, role and, for an agent or a supervisor, their préfecture (an admin has none). */
export function StaffInputs() {
  return (
    <>
      <TextInput source="full_name" label="Nom complet" validate={required('Nom obligatoire.')} fullWidth />
      <SelectInput source="role" label="Rôle" choices={ROLE_CHOICES} validate={required('Rôle obligatoire.')} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.role === 'admin' ? null : (
            <ReferenceInput source="prefecture_code" reference="prefectures" sort={{ field: 'code', order: 'ASC' }}>
              <SelectInput label="Préfecture" optionText={(p: { code: string; name: string }) => `${p.code} — ${p.name}`} />
            </ReferenceInput>
          )
        }
      </FormDataConsumer>
    </>
  );
}
