/** One sample of every template's data, for the tests of the templates and of their stored form. */
import type { TemplateData, TemplateName } from './types.js';

export const to = { firstNames: ['Malade'], birthName: 'Guide' };
export const numero = '5901202310060000321';
// 23:59:59.999 in Paris on Wednesday 15 July 2026 (UTC+2): still the 15th there, already the 16th nowhere.
export const deadline = new Date('2026-07-15T21:59:59.999Z');
export const resumeUrl = 'http://localhost:3000/reprendre?dossier=1&source=mail';

export const identityMissing = {
  code: 'JUSTIFICATIF_IDENTITE',
  reviewStatus: 'manquant',
  message: 'veuillez joindre un autre document',
} as const;
export const domicileUnreadable = { code: 'JUSTIFICATIF_DOMICILE', reviewStatus: 'illisible', message: 'le scan est flou' } as const;
export const nationaliteWrong = { code: 'JUSTIFICATIF_NATIONALITE', reviewStatus: 'non_conforme', message: 'passeport expiré' } as const;

export const samples: { [T in TemplateName]: TemplateData[T] } = {
  account_created: { email: 'guideemx@yopmail.com', provisionalPassword: '*uExGKeEe2D6r', loginUrl: 'http://localhost:3000/connexion' },
  password_reset: {
    email: 'guideemx@yopmail.com',
    resetUrl: 'http://localhost:3000/nouveau-mot-de-passe?jeton=abc',
    expiresAt: new Date('2026-07-10T09:05:00Z'),
  },
  deposit: { to, numero, depositedAt: new Date('2023-10-05T22:30:00Z'), receiptUrl: 'http://localhost:3000/api/portal/receipt.pdf' },
  complement_request: { to, numero, pieces: [identityMissing, domicileUnreadable, nationaliteWrong], deadline, resumeUrl },
  complements_received: {
    to,
    numero,
    receivedAt: new Date('2026-07-10T08:05:00Z'),
    pieces: [{ code: 'JUSTIFICATIF_IDENTITE', label: 'Justificatif d’identité' }],
    late: false,
  },
  reminder: { to, numero, deadline, pieces: [identityMissing], resumeUrl },
  closure: {
    to,
    numero,
    closedAt: new Date('2026-07-16T07:00:00Z'),
    missingPieces: [
      { code: 'JUSTIFICATIF_IDENTITE', label: 'Justificatif d’identité' },
      { code: 'JUSTIFICATIF_DOMICILE', label: 'Justificatif de domicile de moins de 6 mois' },
    ],
    portalUrl: 'http://localhost:3000',
  },
  complete: { to, numero, completedAt: new Date('2026-07-20T09:00:00Z') },
};
