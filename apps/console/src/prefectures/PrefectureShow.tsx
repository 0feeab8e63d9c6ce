import type { Prefecture } from '@em/contract';
import Alert from '@mui/material/Alert';
import { BooleanField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';

function ReservedSetting() {
  const record = useRecordContext<Prefecture>();
  if (!record) return null;
  return (
    <Alert severity="info">
      Le réglage de la clôture automatique est réservé au superviseur de la préfecture.
      {record.closable_now > 0 ? ` ${closableSentence(record.closable_now)}` : ''}
    </Alert>
  );
}

/** « 3 dossiers en délai dépassé, dont la demande a bien été remise, seraient clôturés. » */
export function closableSentence(count: number): string {
  if (count === 0) return 'Aucun dossier ne serait clôturé aujourd’hui.';
  return count === 1
    ? '1 dossier en délai dépassé, dont la demande a bien été remise, serait clôturé aujourd’hui.'
    : `${count} dossiers en délai dépassé, dont la demande a bien été remise, seraient clôturés aujourd’hui.`;
}

/** The préfecture's settings, read-only: what an agent sees (no switch that would fail on saving). */
export function PrefectureShow() {
  return (
    <Show title="Réglages de la préfecture" actions={false}>
      <SimpleShowLayout>
        <TextField source="code" label="Département" />
        <TextField source="name" label="Préfecture" />
        <Labeled label="Clôturer automatiquement les dossiers dont le délai de réponse est dépassé">
          <BooleanField source="auto_close_expired" valueLabelTrue="Activée" valueLabelFalse="Désactivée" />
        </Labeled>
        <ReservedSetting />
      </SimpleShowLayout>
    </Show>
  );
}
