import type { Dossier } from '@em/contract';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useRecordContext } from 'react-admin';
import { useDossierAction } from './useDossierAction';

/** The next task is the pieces: bring them into view once the page shows the review buttons. */
const scrollToPieces = () => document.getElementById('justificatifs-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });

/** « Prendre en charge »: the dossier becomes « En examen », assigned to me. */
export function TakeButton() {
  const record = useRecordContext<Dossier>();
  const take = useDossierAction(
    (dataProvider, dossier) => dataProvider.takeDossier(dossier.id),
    'console.notification.taken',
    (succeeded) => {
      if (succeeded) setTimeout(scrollToPieces, 300);
    },
  );
  if (!record?.allowed_actions.includes('take')) return null;
  return (
    <Button
      variant="contained"
      onClick={() => take.mutate()}
      disabled={take.isPending}
      startIcon={take.isPending ? <CircularProgress size={18} color="inherit" /> : <AssignmentIndIcon />}
    >
      Prendre en charge
    </Button>
  );
}
