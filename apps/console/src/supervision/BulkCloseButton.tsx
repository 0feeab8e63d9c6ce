import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ReasonDialog } from '../dossiers/actions/ReasonDialog';
import { BulkResultDialog } from './BulkResultDialog';
import { useBulkAction } from './useBulkAction';

/** « Clôturer la sélection »: each selected dossier is checked and closed like with its own button. */
export function BulkCloseButton() {
  const [open, setOpen] = useState(false);
  const { mutation, result, clearResult, count } = useBulkAction<string>((dataProvider, ids, reason) =>
    dataProvider.closeDossiers(ids, reason),
  );
  return (
    <>
      <Button size="small" color="error" startIcon={<LockIcon />} onClick={() => setOpen(true)}>
        Clôturer la sélection
      </Button>
      <ReasonDialog
        open={open}
        title={`Clôturer ${count} dossier${count > 1 ? 's' : ''} comme incomplet${count > 1 ? 's' : ''} ?`}
        confirmLabel="Clôturer les dossiers"
        confirmColor="error"
        reasonLabel="Motif de la clôture"
        pending={mutation.isPending}
        onConfirm={(reason) => mutation.mutate(reason, { onSettled: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      >
        <Typography gutterBottom>
          Chaque dossier est vérifié un par un : il n’est clôturé que si le délai de réponse est dépassé et si la demande de pièces a bien
          été remise à l’usager. Les autres restent ouverts, et la raison vous sera indiquée.
        </Typography>
        <Alert severity="warning">Chaque usager concerné reçoit un courriel de clôture nommant les pièces jamais reçues.</Alert>
      </ReasonDialog>
      <BulkResultDialog result={result} doneLabel="clôturé" onClose={clearResult} />
    </>
  );
}
