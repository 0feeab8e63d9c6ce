import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId } from 'react';

/** Shown once: the admin hands the provisional password over; the person replaces it at their first login. */
export function ProvisionalPasswordDialog({ email, password, onClose }: { email: string; password: string | null; onClose: () => void }) {
  const titleId = useId();
  return (
    <Dialog open={password !== null} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Mot de passe provisoire</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>Transmettez ce mot de passe à {email} par un moyen sûr :</Typography>
        <Typography component="p" variant="h5" sx={{ fontFamily: 'monospace', my: 2 }} aria-label="Mot de passe provisoire">
          {password}
        </Typography>
        <Alert severity="info">
          Il ne sera plus affiché. À la première connexion, la personne devra choisir son propre mot de passe avant tout autre chose.
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          C’est noté
        </Button>
      </DialogActions>
    </Dialog>
  );
}
