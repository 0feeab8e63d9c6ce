import { type Db, schema, type Tx } from '@em/db';
import { storedData, TEMPLATE_VERSION, type TemplateData, type TemplateName } from '@em/mail';

/**
 * Writes an e-mail to the outbox inside the caller's transaction, so it exists if and only if
 * the change that causes it was committed. The dispatcher delivers it later.
 */
export function enqueueEmail<T extends TemplateName>(
  tx: Db | Tx,
  input: { dossierId: number | null; to: string; template: T; data: TemplateData[T]; now: Date },
) {
  // The stored data leaves the numéro to the row's dossier (@em/mail's storedData).
  if ('numero' in input.data && input.dossierId === null)
    throw new Error(`An e-mail naming a numéro belongs to its dossier (${input.template})`);
  return tx
    .insert(schema.outboxEmails)
    .values({
      dossierId: input.dossierId,
      template: input.template,
      to: input.to,
      // Subject and bodies are rendered when read (@em/mail's storedEmailContent): the data is a
      // hundred-odd bytes, the bodies many kilobytes.
      subject: '',
      text: '',
      html: '',
      data: storedData(input.data),
      templateVersion: TEMPLATE_VERSION,
      status: 'queued',
      nextAttemptAt: input.now,
      createdAt: input.now,
    })
    .returning({ id: schema.outboxEmails.id })
    .get();
}
