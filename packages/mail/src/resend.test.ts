import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyResendError, createLocalTransport, createResendTransport, type OutgoingEmail, verifyResendWebhook } from './index.js';

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
let seen: Seen[] = [];
/** What the fake API answers next: status and JSON body (or raw text). */
let answer: { status: number; body: unknown } = { status: 200, body: { id: 'msg_1' } };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body: JSON.parse(raw || '{}') });
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  answer = { status: 200, body: { id: 'msg_1' } };
});

const email: OutgoingEmail = {
  to: 'usager@example.org',
  from: 'Préfecture <ne-pas-repondre@example.gouv.fr>',
  subject: 'Demande de pièces complémentaires – dossier n°5901202310060000321',
  text: 'Bonjour',
  html: '<p>Bonjour</p>',
  idempotencyKey: 'outbox-42',
};

describe('createResendTransport against a fake Resend API', () => {
  it('posts the message with the Idempotency-Key header and returns the provider id', async () => {
    const transport = createResendTransport({ apiKey: 're_test_key', baseUrl });
    expect(transport.name).toBe('resend');
    expect(await transport.send(email)).toEqual({ ok: true, providerMessageId: 'msg_1' });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/emails');
    expect(request!.headers['idempotency-key']).toBe('outbox-42');
    expect(request!.headers.authorization).toBe('Bearer re_test_key');
    expect(request!.body).toMatchObject({ from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html });
  });

  it('honours RESEND_BASE_URL when no base URL is given', async () => {
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = baseUrl;
    try {
      const transport = createResendTransport({ apiKey: 're_test_key' });
      expect(await transport.send(email)).toEqual({ ok: true, providerMessageId: 'msg_1' });
      expect(seen).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = previous;
    }
  });

  it('maps a 500 to a retryable error', async () => {
    answer = { status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'boom' } };
    const result = await createResendTransport({ apiKey: 're_test_key', baseUrl }).send(email);
    expect(result).toEqual({ ok: false, retryable: true, error: 'Resend 500 internal_server_error: boom' });
  });

  it('maps a 500 with a non-JSON body to a retryable error', async () => {
    answer = { status: 502, body: '<html>Bad gateway</html>' };
    const result = await createResendTransport({ apiKey: 're_test_key', baseUrl }).send(email);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it('maps a 422 to a non-retryable error', async () => {
    answer = { status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } };
    const result = await createResendTransport({ apiKey: 're_test_key', baseUrl }).send(email);
    expect(result).toEqual({ ok: false, retryable: false, error: 'Resend 422 validation_error: Invalid `to` field.' });
  });

  it('maps a 429 to a retryable error', async () => {
    answer = { status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' } };
    expect(await createResendTransport({ apiKey: 're_test_key', baseUrl }).send(email)).toMatchObject({ ok: false, retryable: true });
  });

  it('maps an unreachable API to a retryable error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await createResendTransport({ apiKey: 're_test_key', baseUrl: deadUrl }).send(email);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });
});

describe('classifyResendError', () => {
  it.each([
    [{ statusCode: 409, name: 'concurrent_idempotent_requests', message: '' }, true],
    [{ statusCode: 409, name: 'invalid_idempotent_request', message: '' }, false],
    [{ statusCode: 403, name: 'invalid_api_key', message: '' }, true],
    [{ statusCode: 422, name: 'validation_error', message: '' }, false],
    [{ statusCode: 503, name: 'application_error', message: '' }, true],
    [{ statusCode: null, name: 'application_error', message: 'Unable to fetch data.' }, true],
    [{ statusCode: null, name: 'invalid_parameter', message: '' }, false],
  ] as const)('%o → retryable %s', (error, retryable) => {
    expect(classifyResendError(error).retryable).toBe(retryable);
  });
});

describe('createLocalTransport', () => {
  it('accepts every message and names it after its idempotency key', async () => {
    const transport = createLocalTransport();
    expect(transport.name).toBe('local');
    expect(await transport.send(email)).toEqual({ ok: true, providerMessageId: 'local-outbox-42' });
  });
});

describe('verifyResendWebhook', () => {
  const key = Buffer.from('a-32-byte-secret-for-the-tests!!');
  const secret = `whsec_${key.toString('base64')}`;
  const body = JSON.stringify({ type: 'email.bounced', data: { email_id: 'msg_1' } });
  const sign = (id: string, timestamp: string, payload: string) =>
    `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64')}`;
  const now = () => String(Math.floor(Date.now() / 1000));

  it('accepts a correctly signed payload, among several signatures', () => {
    const timestamp = now();
    const result = verifyResendWebhook(secret, body, {
      id: 'msg_x',
      timestamp,
      signature: `v1,bm9wZQ== ${sign('msg_x', timestamp, body)}`,
    });
    expect(result).toEqual({ ok: true, event: JSON.parse(body) });
  });

  it('refuses a wrong signature, a changed body, a stale timestamp and missing headers', () => {
    const timestamp = now();
    expect(verifyResendWebhook(secret, body, { id: 'msg_x', timestamp, signature: 'v1,bm9wZQ==' }).ok).toBe(false);
    expect(verifyResendWebhook(secret, `${body} `, { id: 'msg_x', timestamp, signature: sign('msg_x', timestamp, body) }).ok).toBe(false);
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    expect(verifyResendWebhook(secret, body, { id: 'msg_x', timestamp: stale, signature: sign('msg_x', stale, body) }).ok).toBe(false);
    expect(verifyResendWebhook(secret, body, { id: undefined, timestamp, signature: sign('msg_x', timestamp, body) }).ok).toBe(false);
  });
});
