import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { BulkResultDialog } from './BulkResultDialog';
import { useBulkAction } from './useBulkAction';

/** « Affecter »: gives the selected dossiers to an agent of the préfecture (a deposited one is then « en examen »). */
export function AssignButton() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [assigneeId, setAssigneeId] = useState('');
  const assignees = useQuery({
    queryKey: ['supervision', 'assignees'],
    queryFn: () => dataProvider.assignees().then((r) => r.data),
    enabled: open,
  });
  const { mutation, result, clearResult, count } = useBulkAction<number>((provider, ids, id) => provider.assignDossiers(ids, id));
  const close = () => !mutation.isPending && setOpen(false);
  return (
    <>
      <Button size="small" startIcon={<AssignmentIndIcon />} onClick={() => setOpen(true)}>
        Affecter
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="xs" fullWidth>
        <DialogTitle id={titleId}>{`Affecter ${count} dossier${count > 1 ? 's' : ''}`}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            Un dossier « À traiter » passe « En examen » sous l’agent choisi. Les dossiers complets ou clôturés ne sont pas réaffectés.
          </Typography>
          <TextField
            select
            fullWidth
            margin="normal"
            label="Agent"
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.target.value)}
            helperText={assignees.error ? assignees.error.message : undefined}
            error={Boolean(assignees.error)}
          >
            {(assignees.data ?? []).map((a) => (
              <MenuItem key={a.id} value={String(a.id)}>
                {a.full_name} {a.role === 'superviseur' ? '(superviseur)' : ''}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={mutation.isPending}>
            Annuler
          </Button>
          <Button
            variant="contained"
            disabled={!assigneeId || mutation.isPending}
            startIcon={mutation.isPending ? <CircularProgress size={18} color="inherit" /> : undefined}
            onClick={() => mutation.mutate(Number(assigneeId), { onSettled: () => setOpen(false) })}
          >
            Affecter
          </Button>
        </DialogActions>
      </Dialog>
      <BulkResultDialog result={result} doneLabel="affecté" onClose={clearResult} />
    </>
  );
}
