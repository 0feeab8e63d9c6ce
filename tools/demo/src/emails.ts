/** The e-mails a demo dossier's history has already sent, rendered by the same templates as the live ones. */
import { type PieceCode, pieceDefinition, type RequestedPiece } from '@em/domain';
import { type Addressee, storedData, type TemplateData, type TemplateName } from '@em/mail';

/** As the API stores an e-mail: its template's data, to render the subject and bodies when read. */
export type DemoEmail = { template: TemplateName; data: string };
/** Why the provider refused an e-mail the demo shows as failed. */
export const DEMO_DELIVERY_ERROR = 'resend: 422 adresse du destinataire invalide (domaine inexistant)';
type Person = Addressee;

function stored<T extends TemplateName>(template: T, data: TemplateData[T]): DemoEmail {
  return { template, data: storedData(data) };
}

const named = (codes: readonly PieceCode[]) => codes.map((code) => ({ code, label: pieceDefinition(code).label }));

/** The e-mail renderers, their links pointing at `publicUrl` (the server's PUBLIC_URL), as the live e-mails do. */
export function demoEmails(publicUrl: string) {
  const portal = publicUrl.replace(/\/$/, '');
  const resumeUrl = `${portal}/demande/justificatifs`;
  return {
    deposit: (to: Person, numero: string, depositedAt: Date): DemoEmail =>
      stored('deposit', { to, numero, depositedAt, receiptUrl: `${portal}/demande` }),
    complementRequest: (to: Person, numero: string, pieces: readonly RequestedPiece[], deadline: Date): DemoEmail =>
      stored('complement_request', { to, numero, pieces: [...pieces], deadline, resumeUrl }),
    reminder: (to: Person, numero: string, pieces: readonly RequestedPiece[], deadline: Date): DemoEmail =>
      stored('reminder', { to, numero, pieces: [...pieces], deadline, resumeUrl }),
    complementsReceived: (to: Person, numero: string, codes: readonly PieceCode[], receivedAt: Date, late = false): DemoEmail =>
      stored('complements_received', { to, numero, receivedAt, pieces: named(codes), late }),
    complete: (to: Person, numero: string, completedAt: Date): DemoEmail => stored('complete', { to, numero, completedAt }),
    closure: (to: Person, numero: string, pieces: readonly RequestedPiece[], closedAt: Date): DemoEmail =>
      stored('closure', { to, numero, closedAt, missingPieces: named(pieces.map((p) => p.code)), portalUrl: portal }),
  };
}

export type DemoEmails = ReturnType<typeof demoEmails>;
