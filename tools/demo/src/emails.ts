/** The e-mails a demo dossier's history has already sent, rendered by the same templates as the live ones. */
import { type PieceCode, pieceDefinition, type RequestedPiece } from '@em/domain';
import { type Addressee, renderEmail } from '@em/mail';

export type DemoEmail = { template: string; subject: string; text: string; html: string };
type Person = Addressee;

const named = (codes: readonly PieceCode[]) => codes.map((code) => ({ code, label: pieceDefinition(code).label }));

/** The e-mail renderers, their links pointing at `publicUrl` (the server's PUBLIC_URL), as the live e-mails do. */
export function demoEmails(publicUrl: string) {
  const portal = publicUrl.replace(/\/$/, '');
  const resumeUrl = `${portal}/demande/justificatifs`;
  return {
    deposit: (to: Person, numero: string, depositedAt: Date): DemoEmail => ({
      template: 'deposit',
      ...renderEmail('deposit', { to, numero, depositedAt, receiptUrl: `${portal}/demande` }),
    }),
    complementRequest: (to: Person, numero: string, pieces: readonly RequestedPiece[], deadline: Date): DemoEmail => ({
      template: 'complement_request',
      ...renderEmail('complement_request', { to, numero, pieces: [...pieces], deadline, resumeUrl }),
    }),
    reminder: (to: Person, numero: string, pieces: readonly RequestedPiece[], deadline: Date): DemoEmail => ({
      template: 'reminder',
      ...renderEmail('reminder', { to, numero, pieces: [...pieces], deadline, resumeUrl }),
    }),
    complementsReceived: (to: Person, numero: string, codes: readonly PieceCode[], receivedAt: Date, late = false): DemoEmail => ({
      template: 'complements_received',
      ...renderEmail('complements_received', { to, numero, receivedAt, pieces: named(codes), late }),
    }),
    complete: (to: Person, numero: string, completedAt: Date): DemoEmail => ({
      template: 'complete',
      ...renderEmail('complete', { to, numero, completedAt }),
    }),
    closure: (to: Person, numero: string, pieces: readonly RequestedPiece[], closedAt: Date): DemoEmail => ({
      template: 'closure',
      ...renderEmail('closure', { to, numero, closedAt, missingPieces: named(pieces.map((p) => p.code)), portalUrl: portal }),
    }),
  };
}

export type DemoEmails = ReturnType<typeof demoEmails>;
