import { verifyResendWebhook } from '@em/mail';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { badRequest, HttpError } from '../../http/errors.js';
import { markBounced } from './dispatcher.js';

/**
 * Resend's delivery events (to be mounted at /api/webhooks/resend). Resend signs them with Svix:
 * headers svix-id, svix-timestamp, svix-signature and a `whsec_…` secret; the check (HMAC-SHA256
 * over the raw body, 5-minute timestamp tolerance) is the SDK's `webhooks.verify`.
 * Only `email.bounced` and `email.suppressed` (Resend refused to send to an address that bounced
 * before) change anything: either way the applicant never got it, and the outbox row becomes 'bounced'.
 */
export function resendWebhookRoutes(deps: AppDeps, secret: string | undefined) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    if (!secret) throw new HttpError(503, 'Webhook Resend non configuré : aucun secret de signature.');
    // The signature covers the body byte for byte: read it raw, parse only once verified.
    const payload = await c.req.text();
    const verified = verifyResendWebhook(secret, payload, {
      id: c.req.header('svix-id'),
      timestamp: c.req.header('svix-timestamp'),
      signature: c.req.header('svix-signature'),
    });
    if (!verified.ok) throw badRequest('Signature du webhook invalide.');

    const event = verified.event;
    if (event.type === 'email.bounced' || event.type === 'email.suppressed') {
      const data: unknown = event.data;
      const emailId = isRecord(data) && typeof data.email_id === 'string' ? data.email_id : undefined;
      if (!emailId) throw badRequest(`Événement ${event.type} sans identifiant de message.`);
      const bounce = isRecord(data) && isRecord(data.bounce) ? data.bounce : undefined;
      const reason =
        typeof bounce?.message === 'string'
          ? bounce.message
          : event.type === 'email.suppressed'
            ? 'Adresse sur la liste de suppression de Resend (rebonds antérieurs).'
            : undefined;
      // An id we do not know (another application on the same Resend account) is not an error.
      const matched = markBounced(deps.db, emailId, deps.now(), reason);
      return c.json({ received: true, matched });
    }
    return c.json({ received: true });
  });

  return app;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
