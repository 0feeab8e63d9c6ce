export { AUTOMATIC_NOTICE, escapeHtml, greeting, namedPieceLine, requestedPieceLine, SIGNATURE } from './layout.js';
export {
  classifyResendError,
  createResendTransport,
  type ResendTransportOptions,
  type ResendWebhookEvent,
  type ResendWebhookHeaders,
  verifyResendWebhook,
} from './resend.js';
export { storedData, storedEmailContent, storedEmailSubject, TEMPLATE_VERSION } from './stored.js';
export { emailSubject, renderEmail, subjectWording } from './templates.js';
export { createLocalTransport, type MailTransport, type OutgoingEmail, type SendResult } from './transport.js';
export type { Addressee, RenderedEmail, RequestedPiece, TemplateData, TemplateName } from './types.js';
