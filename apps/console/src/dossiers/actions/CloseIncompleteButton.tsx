import type { Dossier } from '@em/contract';
import { parisDate, pieceLabel } from '@em/domain';
import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { ReasonDialog } from './ReasonDialog';
import { useDossierAction } from './useDossierAction';

/** « Clôturer le dossier (incomplet) »: offered by the API only once the applicant's deadline has passed. */
export function CloseIncompleteButton() {
  const record = useRecordContext<Dossier>();
  const [open, setOpen] = useState(false);
  const close = useDossierAction<string>(
    (dataProvider, dossier, reason) => dataProvider.closeDossier(dossier.id, reason),
    'console.notification.closed',
    () => setOpen(false),
  );
  if (!record?.allowed_actions.includes('close_incomplete')) return null;
  const missing = record.requested_pieces.map(pieceLabel);
  return (
    <>
      <Button variant="contained" color="error" startIcon={<LockIcon />} onClick={() => setOpen(true)}>
        Clôturer le dossier (incomplet)
      </Button>
      <ReasonDialog
        open={open}
        title="Clôturer le dossier comme incomplet ?"
        confirmLabel="Clôturer le dossier"
        confirmColor="error"
        reasonLabel="Motif de la clôture"
        pending={close.isPending}
        onConfirm={(text) => close.mutate(text)}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body1" gutterBottom>
          Le délai de réponse de l’usager a expiré le {parisDate(record.deadline_at)}. Le dossier n° {record.numero} passera au statut «
          Clôturé (incomplet) » ; cette décision est définitive.
        </Typography>
        <Alert severity="warning" sx={{ mt: 1 }}>
          Un courriel sera envoyé à l’usager ({record.email || 'adresse du compte'}) pour l’informer de la clôture, en nommant les pièces
          demandées qui ne sont pas parvenues
          {missing.length ? ' :' : '.'}
          {missing.length ? (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {missing.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      </ReasonDialog>
    </>
  );
}
