/** The e-mails a demo dossier's history has already sent, rendered by the same templates as the live ones. */
import { type PieceCode, pieceDefinition, type RequestedPiece } from '@em/domain';
import { type Addressee, renderEmail } from '@em/mail';

export type DemoEmail = { template: string; subject: string; text: string; html: string };
type Person = Addressee;

// Demo data does not know the server's PUBLIC_URL; the default one is what `npm start` serves.
const PORTAL = 'http://localhost:3000';
const RESUME_URL = `${PORTAL}/demande/justificatifs`;

const named = (codes: readonly PieceCode[]) => codes.map((code) => ({ code, label: pieceDefinition(code).label }));

export const depositEmail = (to: Person, numero: string, depositedAt: Date): DemoEmail => ({
  template: 'deposit',
  ...renderEmail('deposit', { to, numero, depositedAt, receiptUrl: `${PORTAL}/demande` }),
});

export const complementRequestEmail = (to: Person, numero: string, pieces: readonly RequestedPiece[], deadline: Date): DemoEmail => ({
  template: 'complement_request',
  ...renderEmail('complement_request', { to, numero, pieces: [...pieces], deadline, resumeUrl: RESUME_URL }),
});

export const reminderEmail = (to: Person, numero: string, pieces: readonly RequestedPiece[], deadline: Date): DemoEmail => ({
  template: 'reminder',
  ...renderEmail('reminder', { to, numero, pieces: [...pieces], deadline, resumeUrl: RESUME_URL }),
});

export const complementsReceivedEmail = (
  to: Person,
  numero: string,
  codes: readonly PieceCode[],
  receivedAt: Date,
  late = false,
): DemoEmail => ({
  template: 'complements_received',
  ...renderEmail('complements_received', { to, numero, receivedAt, pieces: named(codes), late }),
});

export const completeEmail = (to: Person, numero: string, completedAt: Date): DemoEmail => ({
  template: 'complete',
  ...renderEmail('complete', { to, numero, completedAt }),
});

export const closureEmail = (to: Person, numero: string, pieces: readonly RequestedPiece[], closedAt: Date): DemoEmail => ({
  template: 'closure',
  ...renderEmail('closure', { to, numero, closedAt, missingPieces: named(pieces.map((p) => p.code)), portalUrl: PORTAL }),
});
