import type { BulkResult } from '@em/contract';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useId } from 'react';

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** What a bulk action did: how many dossiers, and for each one left aside, why. */
export function BulkResultDialog({
  result,
  doneLabel,
  onClose,
}: {
  result: BulkResult | null;
  /** « clôturé », « affecté »… (agreed with « dossier »). */
  doneLabel: string;
  onClose: () => void;
}) {
  const titleId = useId();
  if (!result) return null;
  const { done, refused } = result;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{`${plural(done, 'dossier')} ${doneLabel}${done > 1 ? 's' : ''}`}</DialogTitle>
      <DialogContent>
        {refused.length === 0 ? (
          <Alert severity="success">Tous les dossiers sélectionnés ont été traités.</Alert>
        ) : (
          <>
            <Alert severity="warning">
              {plural(refused.length, 'dossier')} non {doneLabel}
              {refused.length > 1 ? 's' : ''} :
            </Alert>
            <List dense aria-label="Dossiers non traités">
              {refused.map((item) => (
                <ListItem key={item.id} disableGutters>
                  <ListItemText primary={item.numero ? `Dossier n° ${item.numero}` : `Dossier ${item.id}`} secondary={item.message} />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Fermer
        </Button>
      </DialogActions>
    </Dialog>
  );
}
