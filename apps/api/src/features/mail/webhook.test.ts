import { createHmac } from 'node:crypto';
import { schema } from '@em/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../deps.js';
import { HttpError } from '../../http/errors.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { enqueueEmail } from './outbox.js';
import { resendWebhookRoutes } from './webhook.js';

const KEY = Buffer.from('webhook-signing-key-for-the-tests');
const SECRET = `whsec_${KEY.toString('base64')}`;
const PROVIDER_ID = '4ef9a417-02e9-4d39-ad75-9611e0fcc33c';

let h: Harness;
let rowId: number;
beforeEach(() => {
  h = createHarness(new Date('2026-03-02T09:00:00Z'));
  rowId = enqueueEmail(h.db, {
    dossierId: null,
    to: 'usager@example.org',
    template: 'account_created',
    data: { email: 'usager@example.org', provisionalPassword: 'Provisoire-1!', loginUrl: 'http://localhost:3000/connexion' },
    now: h.clock.now(),
  }).id;
  h.db
    .update(schema.outboxEmails)
    .set({ status: 'sent', attempts: 1, sentAt: h.clock.now(), providerMessageId: PROVIDER_ID })
    .where(eq(schema.outboxEmails.id, rowId))
    .run();
});
afterEach(() => h.close());

/** Mounted as the server will mount it, with app.ts's answer to an HttpError. */
function appWith(secret: string | undefined) {
  const app = new Hono<AppEnv>();
  app.route(
    '/api/webhooks/resend',
    resendWebhookRoutes(
      {
        db: h.db,
        store: h.store,
        now: h.clock.now,
        config: { publicUrl: 'http://localhost:3000', secureCookies: false, trustProxy: false },
      },
      secret,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ message: error.message }, error.status);
    throw error;
  });
  return app;
}

const bounced = JSON.stringify({
  type: 'email.bounced',
  created_at: '2026-03-02T09:05:00.000Z',
  data: {
    email_id: PROVIDER_ID,
    created_at: '2026-03-02T09:00:01.000Z',
    from: 'Préfecture <ne-pas-repondre@example.gouv.fr>',
    to: ['usager@example.org'],
    subject: 'Création de votre compte',
    bounce: { message: "The recipient's mailbox does not exist.", subType: 'General', type: 'Permanent' },
  },
});

function signedHeaders(body: string, options: { key?: Buffer; timestamp?: number } = {}) {
  const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', options.key ?? KEY)
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64');
  return { 'Content-Type': 'application/json', 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` };
}

const post = (app: Hono<AppEnv>, body: string, headers: Record<string, string>) =>
  app.request('/api/webhooks/resend', { method: 'POST', headers, body });
const row = () => h.db.select().from(schema.outboxEmails).where(eq(schema.outboxEmails.id, rowId)).get()!;

describe('POST /api/webhooks/resend', () => {
  it('marks the row bounced on a correctly signed email.bounced, keeping the bounce message', async () => {
    const response = await post(appWith(SECRET), bounced, signedHeaders(bounced));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, matched: true });
    expect(row()).toMatchObject({ status: 'bounced', lastError: "Rebond signalé le 02/03/2026 : The recipient's mailbox does not exist." });
  });

  it('answers 400 on a wrong signature and changes nothing', async () => {
    const response = await post(appWith(SECRET), bounced, signedHeaders(bounced, { key: Buffer.from('another-key') }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Signature du webhook invalide.' });
    expect(row()).toMatchObject({ status: 'sent', lastError: null });
  });

  it('answers 400 when the body was altered after signing, or the signature is stale, or headers are missing', async () => {
    const app = appWith(SECRET);
    const altered = bounced.replace(PROVIDER_ID, 'someone-else');
    expect((await post(app, altered, signedHeaders(bounced))).status).toBe(400);
    const stale = signedHeaders(bounced, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect((await post(app, bounced, stale)).status).toBe(400);
    expect((await post(app, bounced, { 'Content-Type': 'application/json' })).status).toBe(400);
    expect(row().status).toBe('sent');
  });

  it('answers 503 when no signing secret is configured', async () => {
    const response = await post(appWith(undefined), bounced, signedHeaders(bounced));
    expect(response.status).toBe(503);
    expect((await response.json()).message).toMatch(/non configuré/);
    expect(row().status).toBe('sent');
  });

  it('marks the row bounced when Resend suppressed the message', async () => {
    const suppressed = JSON.stringify({
      type: 'email.suppressed',
      created_at: '2026-03-02T09:05:00.000Z',
      data: { email_id: PROVIDER_ID },
    });
    const response = await post(appWith(SECRET), suppressed, signedHeaders(suppressed));
    expect(response.status).toBe(200);
    expect(row()).toMatchObject({ status: 'bounced', lastError: expect.stringContaining('liste de suppression') });
  });

  it('accepts other event types and does nothing', async () => {
    const delivered = JSON.stringify({ type: 'email.delivered', created_at: '2026-03-02T09:01:00.000Z', data: { email_id: PROVIDER_ID } });
    const response = await post(appWith(SECRET), delivered, signedHeaders(delivered));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(row().status).toBe('sent');
  });

  it('accepts a bounce for a message it does not know', async () => {
    const unknown = bounced.replace(PROVIDER_ID, 'not-ours');
    const response = await post(appWith(SECRET), unknown, signedHeaders(unknown));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, matched: false });
    expect(row().status).toBe('sent');
  });
});
