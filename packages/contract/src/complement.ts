import { PIECE_CODES } from '@em/domain';
import { z } from 'zod';
import { instantSchema } from './common.js';

/** The exact e-mail a complement request sent now would carry (GET /api/dossiers/:id/complement-request/preview). */
export const complementPreviewSchema = z.strictObject({
  deadline_at: instantSchema,
  to: z.string(),
  /** The flagged pieces, in catalogue order. */
  pieces: z.array(z.enum(PIECE_CODES)),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type ComplementPreview = z.infer<typeof complementPreviewSchema>;
