import type { Dossier, Piece } from '@em/contract';
import {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_FORMATS_LABEL,
  isFlaggedReview,
  isoDay,
  MAX_FILE_SIZE_LABEL,
  parisDay,
  RECEIPT_CHANNEL_LABELS,
  RECEIPT_CHANNELS,
  type ReceiptChannel,
  toInstant,
} from '@em/domain';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';

type Props = { piece: Piece; depositedAt: string | null; dossierStatus: Dossier['status'] };

/**
 * « Joindre un document reçu »: a justificatif the applicant handed in at the counter or sent by
 * post, attached on their behalf with the channel and the day of receipt. The API checks the file
 * as an online upload; its French refusal stays in the dialog.
 */
export function ReceivedFileDialog({ piece, depositedAt, dossierStatus }: Props) {
  const today = isoDay(parisDay(new Date()));
  const [open, setOpen] = useState(false);
  const [via, setVia] = useState<ReceiptChannel>('guichet');
  const [on, setOn] = useState(today);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const titleId = useId();
  const deposited = toInstant(depositedAt);
  // Flagged during a complement request: the document answers the request on the applicant's behalf.
  const awaited = dossierStatus === 'complement_demande' && isFlaggedReview(piece.review_status);

  const close = () => {
    if (pending) return;
    setOpen(false);
    setError(null);
    setFile(null);
    setOn(today);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError('Choisissez le document à joindre.');
    setPending(true);
    setError(null);
    try {
      await dataProvider.attachReceivedFile(piece.id, file, via, on);
      const { data: dossier } = await dataProvider.getOne<Dossier>('dossiers', { id: piece.dossier_id });
      const joined = `Document joint à « ${piece.label} » : ${RECEIPT_CHANNEL_LABELS[via].toLowerCase()}.`;
      notify(
        awaited && dossier.status === 'complement_recu'
          ? `${joined} C’était la dernière pièce attendue : les compléments sont enregistrés comme reçus et l’usager en est informé par courriel.`
          : joined,
        { type: 'success' },
      );
      setPending(false);
      close();
      void queryClient.invalidateQueries({ queryKey: ['events'] });
      refresh();
    } catch (caught) {
      setPending(false);
      setError((caught as Error).message || 'Le document n’a pas été joint.');
    }
  };

  return (
    <>
      <Button size="small" startIcon={<MoveToInboxIcon />} onClick={() => setOpen(true)} sx={{ mt: 1 }}>
        Joindre un document reçu
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>Document reçu au guichet ou par courrier</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              Pièce : <strong>{piece.label}</strong>. Le document est joint au nom de l’usager et inscrit à l’historique du dossier.
            </Typography>
            {awaited ? (
              <Alert severity="info" sx={{ mb: 2 }}>
                Cette pièce est demandée à l’usager : le document y répond en son nom. S’il s’agit de la dernière pièce attendue, les
                compléments sont enregistrés comme reçus et l’usager en est informé par courriel.
              </Alert>
            ) : null}
            <Stack spacing={2}>
              <FormControl>
                <FormLabel id={`${titleId}-via`}>Comment le document a-t-il été reçu ?</FormLabel>
                <RadioGroup row aria-labelledby={`${titleId}-via`} value={via} onChange={(e) => setVia(e.target.value as ReceiptChannel)}>
                  {RECEIPT_CHANNELS.map((channel) => (
                    <FormControlLabel
                      key={channel}
                      value={channel}
                      control={<Radio />}
                      label={channel === 'guichet' ? 'Au guichet' : 'Par courrier'}
                    />
                  ))}
                </RadioGroup>
              </FormControl>
              <TextField
                type="date"
                label="Date de réception"
                value={on}
                onChange={(e) => setOn(e.target.value)}
                required
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { max: today, min: deposited ? isoDay(parisDay(deposited)) : undefined },
                }}
                helperText="Ni dans le futur, ni avant le dépôt de la demande."
              />
              <TextField
                type="file"
                label="Document"
                required
                onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { accept: ACCEPTED_EXTENSIONS.join(',') } }}
                helperText={`Formats acceptés : ${ACCEPTED_FORMATS_LABEL}. ${MAX_FILE_SIZE_LABEL} au plus.`}
              />
              {error ? (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              ) : null}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={pending}>
              Annuler
            </Button>
            <Button
              type="submit"
              variant="contained"
              disabled={pending}
              startIcon={pending ? <CircularProgress size={18} color="inherit" /> : undefined}
            >
              Joindre le document
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
