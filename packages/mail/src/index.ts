export type { Addressee, RenderedEmail, RequestedPiece, TemplateData, TemplateName } from './types.js';
export { renderEmail } from './templates.js';
export { escapeHtml, greeting, requestedPieceLine, namedPieceLine, SIGNATURE, AUTOMATIC_NOTICE } from './layout.js';
export { createLocalTransport, type MailTransport, type OutgoingEmail, type SendResult } from './transport.js';
export {
  classifyResendError,
  createResendTransport,
  verifyResendWebhook,
  type ResendTransportOptions,
  type ResendWebhookEvent,
  type ResendWebhookHeaders,
} from './resend.js';
