import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Db, schema } from '@em/db';
import { createResendTransport, type MailTransport, type OutgoingEmail, type SendResult, storedEmailContent } from '@em/mail';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { dispatchDueEmails, idempotencyKeyOf, MAX_ATTEMPTS, markBounced, RETRY_BACKOFF_MS } from './dispatcher.js';
import { enqueueEmail } from './outbox.js';

const FROM = 'Préfecture <ne-pas-repondre@example.gouv.fr>';
const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let h: Harness;
beforeEach(() => {
  h = createHarness(T0);
});
afterEach(() => h.close());

function enqueue(now = T0, to = 'usager@example.org') {
  return enqueueEmail(h.db, {
    dossierId: null,
    to,
    template: 'account_created',
    data: { email: to, provisionalPassword: 'Provisoire-1!', loginUrl: 'http://localhost:3000/connexion' },
    now,
  }).id;
}

const row = (id: number) => h.db.select().from(schema.outboxEmails).where(eq(schema.outboxEmails.id, id)).get()!;
const keyOf = (id: number) => idempotencyKeyOf(row(id));

/** Records every call; answers with `behaviour` (which may throw). */
function fakeTransport(
  behaviour: (email: OutgoingEmail, call: number) => SendResult | Promise<SendResult> = (email) => ({
    ok: true,
    providerMessageId: `prov-${email.idempotencyKey}`,
  }),
) {
  const calls: OutgoingEmail[] = [];
  const transport: MailTransport = {
    name: 'fake',
    send: async (email) => {
      calls.push(email);
      return behaviour(email, calls.length);
    },
  };
  return { transport, calls };
}

describe('dispatchDueEmails', () => {
  it('sends a queued row once, with its stable key, and marks it sent', async () => {
    const id = enqueue();
    const { transport, calls } = fakeTransport();
    expect(await dispatchDueEmails(h.db, transport, { now: at(1000), from: FROM })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await dispatchDueEmails(h.db, transport, { now: at(60_000), from: FROM })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(calls).toHaveLength(1);
    const stored = row(id);
    expect(calls[0]!.text).toContain('Provisoire-1!');
    expect(calls[0]).toEqual({
      to: 'usager@example.org',
      from: FROM,
      // An account e-mail: no dossier, no numéro.
      ...storedEmailContent({ ...stored, numero: null }),
      idempotencyKey: keyOf(id),
    });
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: `prov-${keyOf(id)}`, lastError: null });
    expect(stored.sentAt).toEqual(at(1000));
  });

  it('does not send rows that are not due yet', async () => {
    const id = enqueue(at(10 * 60_000));
    const { transport, calls } = fakeTransport();
    await dispatchDueEmails(h.db, transport, { now: at(10 * 60_000 - 1), from: FROM });
    expect(calls).toHaveLength(0);
    expect(row(id).status).toBe('queued');
    await dispatchDueEmails(h.db, transport, { now: at(10 * 60_000), from: FROM });
    expect(calls).toHaveLength(1);
  });

  it('sends the oldest due rows first, at most batchSize per run', async () => {
    const late = enqueue(at(2000), 'c@example.org');
    const first = enqueue(at(0), 'a@example.org');
    const second = enqueue(at(1000), 'b@example.org');
    const { transport, calls } = fakeTransport();
    await dispatchDueEmails(h.db, transport, { now: at(5000), from: FROM, batchSize: 2 });
    expect(calls.map((c) => c.idempotencyKey)).toEqual([keyOf(first), keyOf(second)]);
    expect(row(late).status).toBe('queued');
  });

  it('crash after the provider accepted, before the row is marked: the next run resends under the same key', async () => {
    const id = enqueue();
    const { transport, calls } = fakeTransport();
    // The process "dies" while marking: the first write (the marking transaction) fails.
    let broken = true;
    const crashingDb = new Proxy(h.db, {
      get(target, property) {
        if ((property === 'update' || property === 'transaction') && broken) {
          broken = false;
          return () => {
            throw new Error('SQLITE_IOERR: disk I/O error');
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    await expect(dispatchDueEmails(crashingDb, transport, { now: at(1000), from: FROM })).rejects.toThrow(/disk I\/O/);
    expect(calls).toHaveLength(1);
    expect(row(id)).toMatchObject({ status: 'queued', attempts: 0 });

    await dispatchDueEmails(h.db, transport, { now: at(2000), from: FROM });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.idempotencyKey).toBe(calls[0]!.idempotencyKey);
    expect(calls[1]!.idempotencyKey).toBe(keyOf(id));
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a transport that throws after handing the message over counts as retryable; the retry reuses the key', async () => {
    const id = enqueue();
    const { transport, calls } = fakeTransport((email, call) => {
      if (call === 1) throw new Error('socket hang up');
      return { ok: true, providerMessageId: `prov-${email.idempotencyKey}` };
    });
    expect(await dispatchDueEmails(h.db, transport, { now: T0, from: FROM })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(row(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'fake: socket hang up' });
    expect(row(id).nextAttemptAt).toEqual(at(RETRY_BACKOFF_MS[0]));
    await dispatchDueEmails(h.db, transport, { now: at(RETRY_BACKOFF_MS[0] - 1), from: FROM });
    expect(calls).toHaveLength(1);
    await dispatchDueEmails(h.db, transport, { now: at(RETRY_BACKOFF_MS[0]), from: FROM });
    expect(calls.map((c) => c.idempotencyKey)).toEqual([keyOf(id), keyOf(id)]);
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('retries a retryable error after 1 min, 5 min, 30 min, 2 h, 6 h — never before — then marks it failed', async () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(RETRY_BACKOFF_MS).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000]);
    const id = enqueue();
    const { transport, calls } = fakeTransport(() => ({ ok: false, error: 'Resend 503 application_error: busy', retryable: true }));
    let now = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const summary = await dispatchDueEmails(h.db, transport, { now, from: FROM });
      expect(calls).toHaveLength(attempt);
      const stored = row(id);
      expect(stored.attempts).toBe(attempt);
      expect(stored.lastError).toBe('Resend 503 application_error: busy');
      if (attempt === MAX_ATTEMPTS) {
        expect(summary).toEqual({ sent: 0, retried: 0, failed: 1 });
        expect(stored.status).toBe('failed');
        break;
      }
      expect(summary).toEqual({ sent: 0, retried: 1, failed: 0 });
      expect(stored.status).toBe('queued');
      const next = new Date(now.getTime() + RETRY_BACKOFF_MS[attempt - 1]!);
      expect(stored.nextAttemptAt).toEqual(next);
      await dispatchDueEmails(h.db, transport, { now: new Date(next.getTime() - 1), from: FROM });
      expect(calls).toHaveLength(attempt);
      now = next;
    }
    await dispatchDueEmails(h.db, transport, { now: at(7 * 24 * 3_600_000), from: FROM });
    expect(calls).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([keyOf(id)]));
  });

  it('marks a non-retryable error failed at once', async () => {
    const id = enqueue();
    const { transport, calls } = fakeTransport(() => ({
      ok: false,
      error: 'Resend 422 validation_error: Invalid `to` field.',
      retryable: false,
    }));
    expect(await dispatchDueEmails(h.db, transport, { now: T0, from: FROM })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(row(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Resend 422 validation_error: Invalid `to` field.' });
    await dispatchDueEmails(h.db, transport, { now: at(24 * 3_600_000), from: FROM });
    expect(calls).toHaveLength(1);
  });
});

describe('markBounced', () => {
  it('marks the row with that provider id bounced, with the reason; unknown ids match nothing', async () => {
    const id = enqueue();
    const other = enqueue(T0, 'autre@example.org');
    await dispatchDueEmails(h.db, fakeTransport().transport, { now: T0, from: FROM });
    expect(markBounced(h.db, `prov-${keyOf(id)}`, at(3_600_000), 'Mailbox does not exist')).toBe(true);
    expect(row(id)).toMatchObject({ status: 'bounced', lastError: 'Rebond signalé le 02/03/2026 : Mailbox does not exist' });
    expect(row(other).status).toBe('sent');
    expect(markBounced(h.db, 'prov-unknown', T0)).toBe(false);
  });
});

describe('dispatchDueEmails through the Resend transport (fake API on 127.0.0.1)', () => {
  it('sends the Idempotency-Key header; a 500 is retried, a 422 fails the row', async () => {
    const headers: (string | undefined)[] = [];
    const answers = [
      { status: 200, body: { id: 're_msg_1' } },
      { status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'boom' } },
      { status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } },
    ];
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        headers.push(request.headers['idempotency-key'] as string | undefined);
        const answer = answers.shift()!;
        response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const transport = createResendTransport({ apiKey: 're_test', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      const ok = enqueue(at(0), 'a@example.org');
      const retried = enqueue(at(1), 'b@example.org');
      const failed = enqueue(at(2), 'c@example.org');
      expect(await dispatchDueEmails(h.db, transport, { now: at(10), from: FROM })).toEqual({ sent: 1, retried: 1, failed: 1 });
      expect(headers).toEqual([keyOf(ok), keyOf(retried), keyOf(failed)]);
      expect(row(ok)).toMatchObject({ status: 'sent', providerMessageId: 're_msg_1' });
      expect(row(retried)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Resend 500 internal_server_error: boom' });
      expect(row(failed)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Resend 422 validation_error: Invalid `to` field.' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
