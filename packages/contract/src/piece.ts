import { PIECE_CODES, REVIEW_STATUSES, REVIEW_VERDICTS } from '@em/domain';
import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** A justificatif of a dossier with the agent's verdict (GET /api/pieces, /api/pieces/:id, PUT /api/pieces/:id). */
export const pieceSchema = z.strictObject({
  id: idSchema,
  dossier_id: idSchema,
  code: z.enum(PIECE_CODES),
  /** The catalogue's label, required flag and kind ('code' for the e-photo number, 'files' otherwise). */
  label: z.string(),
  required: z.boolean(),
  kind: z.enum(['code', 'files']),
  review_status: z.enum(REVIEW_STATUSES),
  review_message: z.string(),
  reviewed_at: instantSchema.nullable(),
  file_count: z.number().int().nonnegative(),
  /** The e-photo number was typed anew by the applicant since the agent last reviewed it (« Nouveau numéro saisi »). */
  new_number: z.boolean(),
});
export type Piece = z.infer<typeof pieceSchema>;

/** The agent's verdict on a piece (PUT /api/pieces/:id); a flag needs a message for the applicant. */
export const pieceReviewBodySchema = z.object({
  review_status: z.enum(REVIEW_VERDICTS, { error: 'Statut de vérification invalide.' }),
  review_message: z.string({ error: 'Message : texte attendu.' }).max(1000, 'Message : 1000 caractères au plus.').optional().default(''),
});
export type PieceReviewBody = z.input<typeof pieceReviewBodySchema>;
