import { z } from 'zod';

/** GET /api/health when the database answers. */
export const healthSchema = z.strictObject({ status: z.literal('ok') });
