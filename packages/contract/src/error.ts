import { z } from 'zod';

/** Every refusal of the API: a French sentence meant for the person who made the request. */
export const errorBodySchema = z.object({ message: z.string().min(1) });
export type ErrorBody = z.infer<typeof errorBodySchema>;
