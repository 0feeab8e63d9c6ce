import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

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
  url: z.string().startsWith('/api/'),
});
export type StoredFile = z.infer<typeof storedFileSchema>;
