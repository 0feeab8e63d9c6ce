import type { Dossier } from '@em/contract';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useDossierPieces } from '../../pieces/useDossierPieces';
import { DisabledReason } from './DisabledReason';
import { ReasonDialog } from './ReasonDialog';
import { useDossierAction } from './useDossierAction';

/** « Déclarer le dossier complet »: every required piece must be conforming (the API checks it too). */
export function CompleteButton() {
  const record = useRecordContext<Dossier>();
  const [open, setOpen] = useState(false);
  const { requiredNotConforming, isPending: piecesPending } = useDossierPieces(record?.id);
  const complete = useDossierAction<string>(
    (dataProvider, dossier, reason) => dataProvider.completeDossier(dossier.id, reason),
    'console.notification.completed',
    () => setOpen(false),
  );
  if (!record?.allowed_actions.includes('complete')) return null;

  const blocking = requiredNotConforming.map((piece) => `« ${piece.label} »`).join(', ');
  const reason = piecesPending
    ? 'Chargement des pièces…'
    : blocking
      ? `Toutes les pièces obligatoires doivent être conformes. À vérifier ou signalées : ${blocking}.`
      : null;
  return (
    <>
      <DisabledReason reason={reason}>
        <Button variant="outlined" color="success" startIcon={<TaskAltIcon />} onClick={() => setOpen(true)} disabled={!!reason}>
          Déclarer le dossier complet
        </Button>
      </DisabledReason>
      <ReasonDialog
        open={open}
        title="Déclarer le dossier complet ?"
        confirmLabel="Déclarer complet"
        confirmColor="success"
        reasonLabel="Commentaire"
        pending={complete.isPending}
        onConfirm={(text) => complete.mutate(text)}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body1" gutterBottom>
          Toutes les pièces obligatoires sont conformes. Le dossier n° {record.numero} passera au statut « Complet ».
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Un courriel informera l’usager ({record.email || 'adresse du compte'}) que son dossier est complet et que l’étape suivante est
          l’évaluation médicale par l’OFII. Cette décision ne peut pas être annulée depuis la console.
        </Typography>
      </ReasonDialog>
    </>
  );
}
