/** The e-mails the application sends (domain §7), one template each. */
export const EMAIL_TEMPLATES = [
  'account_created',
  'password_reset',
  'deposit',
  'complement_request',
  'complements_received',
  'reminder',
  'closure',
  'complete',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** What each template is, in the agents' words. */
export const EMAIL_TEMPLATE_LABELS = {
  account_created: 'Création de compte',
  password_reset: 'Mot de passe oublié',
  deposit: 'Confirmation de dépôt',
  complement_request: 'Demande de pièces',
  complements_received: 'Accusé de réception des compléments',
  reminder: 'Relance',
  closure: 'Clôture',
  complete: 'Dossier complet',
} as const satisfies Record<EmailTemplate, string>;

/** Delivery state of an outbox row. */
export const EMAIL_STATUSES = ['queued', 'sent', 'failed', 'bounced'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const EMAIL_STATUS_LABELS = {
  queued: 'En file d’attente',
  sent: 'Envoyé',
  failed: 'Échec',
  bounced: 'Rejeté (rebond)',
} as const satisfies Record<EmailStatus, string>;

/** The applicant never got it: their deadline must not run on it. */
export function isUndelivered(status: EmailStatus): boolean {
  return status === 'failed' || status === 'bounced';
}
