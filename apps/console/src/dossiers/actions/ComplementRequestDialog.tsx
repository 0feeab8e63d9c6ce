import type { Dossier } from '@em/contract';
import { parisLongDate, pieceLabel } from '@em/domain';
import SendIcon from '@mui/icons-material/Send';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../dataProvider';
import { EmailContent } from '../../emails/EmailContent';
import { InfoList } from '../../layout/Section';

type Props = { record: Dossier; open: boolean; sending: boolean; onSend: () => void; onClose: () => void };

/** The exact e-mail a request sent now would carry (GET …/complement-request/preview), read before sending. */
export function ComplementRequestDialog({ record, open, sending, onSend, onClose }: Props) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const titleId = useId();
  const preview = useQuery({
    queryKey: ['dossiers', 'complementPreview', { id: record.id }],
    queryFn: () => dataProvider.previewComplementRequest(record.id).then(({ data }) => data),
    // Not refetched once sending has begun: after the request, the preview no longer applies (409).
    enabled: open && !sending,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const email = preview.data;
  const close = () => {
    if (!sending) onClose();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>Demander des pièces complémentaires</DialogTitle>
      <DialogContent dividers>
        {preview.isFetching && !email ? <LinearProgress aria-label="Préparation du courriel" /> : null}
        {preview.error ? <Alert severity="error">{preview.error.message || 'Impossible de préparer le courriel.'}</Alert> : null}
        {email ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Voici le courriel exact que recevra l’usager. Le dossier passera au statut « Compléments demandés » et le délai de réponse
              commencera à courir.
            </Typography>
            <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, mb: 2 }}>
              Échéance : {parisLongDate(email.deadline_at)}
            </Typography>
            <Box sx={{ mb: 2 }}>
              <InfoList
                rows={[
                  { label: 'Destinataire', value: email.to },
                  { label: 'Objet', value: email.subject },
                  { label: 'Pièces demandées', value: email.pieces.map(pieceLabel).join(', ') },
                ]}
              />
            </Box>
            <EmailContent subject={email.subject} text={email.text} html={email.html} />
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={sending}>
          Annuler
        </Button>
        <Button
          variant="contained"
          onClick={onSend}
          disabled={!email || sending || preview.isFetching}
          startIcon={sending ? <CircularProgress size={18} color="inherit" /> : <SendIcon />}
        >
          Envoyer la demande
        </Button>
      </DialogActions>
    </Dialog>
  );
}
