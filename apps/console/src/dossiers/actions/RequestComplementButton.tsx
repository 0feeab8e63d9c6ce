import type { Dossier } from '@em/contract';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { useDossierPieces } from '../../pieces/useDossierPieces';
import { ComplementRequestDialog } from './ComplementRequestDialog';
import { DisabledReason } from './DisabledReason';
import { useDossierAction } from './useDossierAction';

/** « Demander des pièces complémentaires »: needs at least one piece flagged; the e-mail is previewed first. */
export function RequestComplementButton() {
  const record = useRecordContext<Dossier>();
  const [open, setOpen] = useState(false);
  const { flagged, isPending } = useDossierPieces(record?.id);
  const request = useDossierAction(
    (dataProvider, dossier) => dataProvider.requestComplements(dossier.id),
    'console.notification.complement_requested',
    () => setOpen(false),
  );
  if (!record?.allowed_actions.includes('request_complement')) return null;

  const reason = isPending
    ? 'Chargement des pièces…'
    : flagged.length === 0
      ? 'Signalez d’abord au moins une pièce comme manquante, illisible ou non conforme.'
      : null;
  return (
    <>
      <DisabledReason reason={reason}>
        <Button variant="contained" startIcon={<MarkEmailUnreadIcon />} onClick={() => setOpen(true)} disabled={!!reason}>
          Demander des pièces complémentaires{flagged.length ? ` (${flagged.length})` : ''}
        </Button>
      </DisabledReason>
      <ComplementRequestDialog
        record={record}
        open={open}
        sending={request.isPending}
        onSend={() => request.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
