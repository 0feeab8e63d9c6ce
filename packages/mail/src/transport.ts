/** One message handed to a transport. The idempotency key is stable per outbox row. */
export type OutgoingEmail = { to: string; from: string; subject: string; text: string; html: string; idempotencyKey: string };

/**
 * What a delivery attempt gave. `retryable: false` means trying again cannot help
 * (the provider rejected the message itself); the dispatcher then gives up on it.
 */
export type SendResult = { ok: true; providerMessageId: string } | { ok: false; error: string; retryable: boolean };

export interface MailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<SendResult>;
}

/**
 * The local mailbox, used when no provider is configured: the message already lives in the
 * outbox table, which the console shows, so delivery is simply accepted.
 */
export function createLocalTransport(): MailTransport {
  return {
    name: 'local',
    send: async (email) => ({ ok: true, providerMessageId: `local-${email.idempotencyKey}` }),
  };
}
