import type { Dossier } from '@em/contract';
import { parisLongDate } from '@em/domain';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../dataProvider';
import { EmailContent } from '../../emails/EmailContent';
import { useCanDecide } from '../../permissions';
import { useDossierAction } from './useDossierAction';

/**
 * The request in progress never reached the applicant: the agent corrects their address (kept in
 * the history) and sends it again, after reading the e-mail and its new deadline, which counts from
 * this sending.
 */
function ResendDialog({ record, onClose }: { record: Dossier; onClose: () => void }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const titleId = useId();
  const [address, setAddress] = useState(record.email);
  const [checked, setChecked] = useState(record.email);
  const resend = useDossierAction(
    (provider, dossier) => provider.resendComplementRequest(dossier.id, checked),
    'console.notification.complement_resent',
    onClose,
  );
  const preview = useQuery({
    queryKey: ['dossiers', 'resendPreview', { id: record.id, email: checked }],
    queryFn: () => dataProvider.previewResend(record.id, checked).then(({ data }) => data),
    enabled: Boolean(checked) && !resend.isPending,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const email = preview.data;
  const close = () => !resend.isPending && onClose();
  return (
    <Dialog open onClose={close} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>Renvoyer la demande de pièces</DialogTitle>
      <DialogContent dividers>
        <TextField
          label="Adresse électronique de l’usager"
          type="email"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          onBlur={() => setChecked(address.trim())}
          onKeyDown={(event) => event.key === 'Enter' && setChecked(address.trim())}
          helperText={
            address.trim() !== record.email
              ? `Remplace ${record.email || 'l’adresse du compte'} ; la correction est inscrite dans l’historique.`
              : 'Corrigez-la si elle est erronée.'
          }
          fullWidth
          margin="dense"
        />
        {preview.isFetching ? <LinearProgress aria-label="Préparation du courriel" /> : null}
        {preview.error ? <Alert severity="error">{preview.error.message}</Alert> : null}
        {email && email.to === address.trim() ? (
          <>
            <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, my: 2 }}>
              Nouvelle échéance : {parisLongDate(email.deadline_at)}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              Le délai de 15 jours court à compter de l’envoi de ce courriel : l’échéance ci-dessus vaut s’il part aujourd’hui. Le dossier
              ne peut pas être clôturé tant que la demande n’a pas été remise.
            </Typography>
            <EmailContent subject={email.subject} text={email.text} html={email.html} initialView="text" />
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={resend.isPending}>
          Annuler
        </Button>
        <Button
          variant="contained"
          onClick={() => resend.mutate()}
          disabled={!email || email.to !== address.trim() || resend.isPending || preview.isFetching}
          startIcon={resend.isPending ? <CircularProgress size={18} color="inherit" /> : <ForwardToInboxIcon />}
        >
          Renvoyer la demande
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** « Corriger l’adresse et renvoyer », offered while the request's e-mail has not reached the applicant. */
export function ResendRequestButton({ record }: { record: Dossier }) {
  const canDecide = useCanDecide();
  const [open, setOpen] = useState(false);
  if (!canDecide || record.status !== 'complement_demande' || record.complement_email_status === 'sent') return null;
  return (
    <>
      <Button variant="contained" color="inherit" size="small" startIcon={<ForwardToInboxIcon />} onClick={() => setOpen(true)}>
        Corriger l’adresse et renvoyer la demande
      </Button>
      {open ? <ResendDialog record={record} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
