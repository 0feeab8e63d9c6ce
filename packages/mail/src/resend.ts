import { type ErrorResponse, Resend, type WebhookEventPayload } from 'resend';
import type { MailTransport, SendResult } from './transport.js';

/** Resend error names of a request that will never succeed as it is. */
const PERMANENT_ERROR_NAMES = new Set([
  'validation_error',
  'missing_required_field',
  'invalid_parameter',
  'invalid_from_address',
  'invalid_attachment',
  'invalid_idempotency_key',
  'invalid_idempotent_request',
  'missing_api_key',
  'invalid_api_key',
  'restricted_api_key',
  'invalid_access',
  'invalid_region',
  'not_found',
  'method_not_allowed',
  'security_error',
]);

/**
 * Maps the SDK's `{ error }` (it never throws for HTTP failures) to a SendResult.
 * - HTTP 429 and 5xx: retryable. 409 `concurrent_idempotent_requests` (the same key is still
 *   being processed) and 408: retryable too.
 * - Any other 4xx (validation, bad address, bad key, same key with another payload): not retryable.
 * - No status: the SDK could not reach the API (`statusCode: null`, « Unable to fetch data »),
 *   or the answer was not Resend's usual error body: retryable unless the name says otherwise.
 */
export function classifyResendError(error: Partial<ErrorResponse> | null | undefined): Extract<SendResult, { ok: false }> {
  const status = typeof error?.statusCode === 'number' ? error.statusCode : null;
  const name = typeof error?.name === 'string' ? error.name : 'unknown_error';
  const message = typeof error?.message === 'string' && error.message ? error.message : 'no message';
  const text = `Resend ${status ?? 'network'} ${name}: ${message}`;
  if (status === null) return { ok: false, error: text, retryable: !PERMANENT_ERROR_NAMES.has(name) };
  // 401/403: a wrong or revoked API key is an operator's fix, not the message's fault: keep trying.
  if (status === 429 || status >= 500 || status === 408 || status === 401 || status === 403)
    return { ok: false, error: text, retryable: true };
  if (status === 409 && name === 'concurrent_idempotent_requests') return { ok: false, error: text, retryable: true };
  return { ok: false, error: text, retryable: !(status >= 400 && status < 500) };
}

export type ResendTransportOptions = {
  apiKey: string;
  /** Defaults to the SDK's own choice: RESEND_BASE_URL if set, else https://api.resend.com. */
  baseUrl?: string;
};

/** Delivers through Resend; the outbox row's idempotency key goes out as the Idempotency-Key header. */
export function createResendTransport(options: ResendTransportOptions): MailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: 'resend',
    async send(email): Promise<SendResult> {
      try {
        const { data, error } = await resend.emails.send(
          { from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html },
          { idempotencyKey: email.idempotencyKey },
        );
        if (error) return classifyResendError(error);
        // Accepted without an id should not happen; resending under the same key is safe.
        if (!data?.id) return { ok: false, error: 'Resend: accepted without a message id', retryable: true };
        return { ok: true, providerMessageId: data.id };
      } catch (cause) {
        return { ok: false, error: `Resend: ${cause instanceof Error ? cause.message : String(cause)}`, retryable: true };
      }
    },
  };
}

export type ResendWebhookHeaders = { id: string | undefined; timestamp: string | undefined; signature: string | undefined };
export type ResendWebhookEvent = WebhookEventPayload;

// Signature checking needs no API key; the SDK's constructor insists on one.
let verifier: Resend | undefined;

/**
 * Checks a Resend webhook (Svix / Standard Webhooks: HMAC-SHA256 of `${id}.${timestamp}.${body}`
 * with the base64 key after `whsec_`, timestamps older or newer than 5 minutes refused) through
 * the SDK's `webhooks.verify`, and parses it. `payload` must be the raw body, byte for byte.
 */
export function verifyResendWebhook(
  secret: string,
  payload: string,
  headers: ResendWebhookHeaders,
): { ok: true; event: ResendWebhookEvent } | { ok: false; error: string } {
  verifier ??= new Resend('re_signature_verification_only');
  try {
    const event = verifier.webhooks.verify({
      payload,
      headers: { id: headers.id ?? '', timestamp: headers.timestamp ?? '', signature: headers.signature ?? '' },
      webhookSecret: secret,
    });
    if (!event || typeof event !== 'object' || typeof event.type !== 'string') return { ok: false, error: 'payload is not an event' };
    return { ok: true, event };
  } catch (cause) {
    return { ok: false, error: cause instanceof Error ? cause.message : String(cause) };
  }
}
