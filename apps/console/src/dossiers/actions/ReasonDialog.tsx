import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { type ReactNode, useId, useState } from 'react';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'success';
  reasonLabel: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

/** A confirmation with an optional free-text reason (kept in the dossier's history). */
export function ReasonDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmColor = 'primary',
  reasonLabel,
  pending,
  onConfirm,
  onClose,
}: Props) {
  const [reason, setReason] = useState('');
  const titleId = useId();
  const close = () => {
    if (!pending) onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
      slotProps={{ transition: { onExited: () => setReason('') } }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children}
        <TextField
          label={reasonLabel}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          slotProps={{ htmlInput: { maxLength: 2000 } }}
          helperText="Facultatif. Conservé dans l’historique du dossier."
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={pending}>
          Annuler
        </Button>
        <Button
          variant="contained"
          color={confirmColor}
          onClick={() => onConfirm(reason)}
          disabled={pending}
          startIcon={pending ? <CircularProgress size={18} color="inherit" /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
