import type { EmailTemplate, RequestedPiece } from '@em/domain';

export type { RequestedPiece };

/** One message, ready for any transport: French plain text and HTML. */
export type RenderedEmail = { subject: string; text: string; html: string };

/** « Malade GUIDE »: first names then the birth name in capitals, as the guide greets the applicant. */
export type Addressee = { firstNames: string[]; birthName: string };

type DataByTemplate = {
  account_created: { email: string; provisionalPassword: string; loginUrl: string };
  password_reset: { email: string; resetUrl: string; expiresAt: Date };
  deposit: { to: Addressee; numero: string; depositedAt: Date; receiptUrl: string };
  complement_request: { to: Addressee; numero: string; pieces: RequestedPiece[]; deadline: Date; resumeUrl: string };
  complements_received: {
    to: Addressee;
    numero: string;
    receivedAt: Date;
    /** Received at the counter or by post: the day is known, not the hour. */
    dayOnly?: boolean;
    pieces: { code: string; label: string }[];
    late: boolean;
  };
  reminder: { to: Addressee; numero: string; deadline: Date; pieces: RequestedPiece[]; resumeUrl: string };
  closure: { to: Addressee; numero: string; closedAt: Date; missingPieces: { code: string; label: string }[]; portalUrl: string };
  complete: { to: Addressee; numero: string; completedAt: Date };
};
/** One entry per template the domain lists (EMAIL_TEMPLATES): a missing one does not compile. */
export type TemplateData = { [T in EmailTemplate]: DataByTemplate[T] };
export type TemplateName = EmailTemplate;
