import Chip, { type ChipProps } from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { EmailStatus, OutboxEmail } from '../types';

export const EMAIL_STATUS: Record<EmailStatus, { label: string; color: ChipProps['color'] }> = {
  queued: { label: 'En file d’attente', color: 'default' },
  sent: { label: 'Envoyé', color: 'success' },
  failed: { label: 'Échec', color: 'error' },
  bounced: { label: 'Rejeté (rebond)', color: 'error' },
};

/** What each outbox template is, in the agents' words. */
export const EMAIL_TEMPLATE_LABELS: Record<string, string> = {
  account_created: 'Création de compte',
  password_reset: 'Mot de passe oublié',
  deposit: 'Confirmation de dépôt',
  complement_request: 'Demande de pièces',
  complements_received: 'Accusé de réception des compléments',
  reminder: 'Relance',
  closure: 'Clôture',
  complete: 'Dossier complet',
};

export const isUndelivered = (email: Pick<OutboxEmail, 'status'>) => email.status === 'failed' || email.status === 'bounced';

/** The delivery state as a chip; the provider's last error, if any, in a tooltip. */
export function EmailStatusChip({ email }: { email: Pick<OutboxEmail, 'status' | 'last_error'> }) {
  const status = EMAIL_STATUS[email.status] ?? { label: email.status, color: 'default' as const };
  const chip = <Chip size="small" color={status.color} label={status.label} />;
  return email.last_error ? (
    <Tooltip title={email.last_error}>
      <span>{chip}</span>
    </Tooltip>
  ) : (
    chip
  );
}
