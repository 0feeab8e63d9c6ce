import { BooleanInput, Edit, Labeled, SaveButton, SimpleForm, TextField, Toolbar } from 'react-admin';

/** A supervisor switches the daily automatic closure on or off for their préfecture. */
export function PrefectureEdit() {
  return (
    <Edit title="Réglages de la préfecture" mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Enregistrer" />
          </Toolbar>
        }
      >
        <Labeled label="Préfecture">
          <TextField source="name" />
        </Labeled>
        <BooleanInput
          source="auto_close_expired"
          label="Clôturer automatiquement les dossiers dont le délai de réponse est dépassé"
          helperText="L’usager reçoit un courriel nommant les pièces jamais reçues."
        />
      </SimpleForm>
    </Edit>
  );
}
