import type { Prefecture } from '@em/contract';
import Alert from '@mui/material/Alert';
import { FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';

function ReservedSetting() {
  const record = useRecordContext<Prefecture>();
  if (!record) return null;
  return (
    <Alert severity="info">
      Le réglage de la clôture automatique est réservé au superviseur de la préfecture.
      {record.auto_close_expired ? '' : ` ${closableSentence(record.closable_now)}`}
    </Alert>
  );
}

/** « Activée maintenant, elle clôturerait 3 dossiers… »: what switching automatic closure on would do at once. */
export function closableSentence(count: number): string {
  if (count === 0) return 'Activée maintenant, elle ne clôturerait aucun dossier.';
  const dossiers =
    count === 1
      ? '1 dossier en délai dépassé dont la demande a bien été remise'
      : `${count} dossiers en délai dépassé dont la demande a bien été remise`;
  return `Activée maintenant, elle clôturerait aussitôt ${dossiers}.`;
}

/** The préfecture's settings, read-only: what an agent sees (no switch that would fail on saving). */
export function PrefectureShow() {
  return (
    <Show title="Réglages de la préfecture" actions={false}>
      <SimpleShowLayout>
        <TextField source="code" label="Département" />
        <TextField source="name" label="Préfecture" />
        <Labeled label="Clôturer automatiquement les dossiers dont le délai de réponse est dépassé">
          <FunctionField<Prefecture> render={(record) => (record.auto_close_expired ? 'Activée' : 'Désactivée')} />
        </Labeled>
        <ReservedSetting />
      </SimpleShowLayout>
    </Show>
  );
}
