import { RECEIPT_CHANNELS } from '@em/domain';
import { z } from 'zod';
import { calendarDaySchema, idSchema, instantSchema } from './common.js';

/** A stored file of a piece, as staff see it (GET /api/files, /api/files/:id); its content is at `url`. */
export const storedFileSchema = z.strictObject({
  id: idSchema,
  piece_id: idSchema,
  dossier_id: idSchema,
  size: z.number().int().nonnegative(),
  /** The type detected from the content at upload, never the declared one. */
  detected_type: z.string(),
  original_name: z.string(),
  uploaded_at: instantSchema,
  uploaded_by: z.enum(['usager', 'agent']),
  /** Deposited after the complement deadline, before closure. */
  late: z.boolean(),
  /** The complement request it answered; null when it came with the deposit. */
  complement_request_id: idSchema.nullable(),
  /** Handed in at the counter or sent by post, attached by an agent, and the day it was received; null when uploaded online. */
  received_via: z.enum(RECEIPT_CHANNELS).nullable(),
  received_on: calendarDaySchema.nullable(),
  url: z.string().startsWith('/api/'),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/**
 * A justificatif received at the counter or by post, attached by an agent on the applicant's behalf
 * (POST /api/pieces/:id/files?received_via=…&received_on=…, the file as multipart `file`): how it
 * came and the day it was received travel in the query, so that they are checked before the file is read.
 */
export const receivedFileQuerySchema = z.object({
  received_via: z.enum(RECEIPT_CHANNELS, { error: 'Indiquez comment le document a été reçu : au guichet ou par courrier.' }),
  received_on: z.iso.date({ error: 'Indiquez la date de réception du document.' }),
});
export type ReceivedFileQuery = z.input<typeof receivedFileQuerySchema>;
