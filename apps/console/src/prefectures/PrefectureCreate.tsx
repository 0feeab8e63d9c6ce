import { Create, required, SimpleForm, TextInput } from 'react-admin';

/** A new préfecture (national admin): its département code and its name. */
export function PrefectureCreate() {
  return (
    <Create title="Nouvelle préfecture" redirect="list">
      <SimpleForm>
        <TextInput source="code" label="Département (59, 2A, 971…)" validate={required('Code obligatoire.')} />
        <TextInput source="name" label="Nom" validate={required('Nom obligatoire.')} fullWidth />
      </SimpleForm>
    </Create>
  );
}
