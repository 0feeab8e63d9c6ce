import { MAX_PASSWORD_LENGTH, STAFF_ROLES } from '@em/domain';
import { z } from 'zod';
import { idSchema } from './common.js';

/** « Identifiant » and « Mot de passe », for staff (POST /api/auth/login) and applicants (POST /api/usager/auth/login). */
export const loginBodySchema = z.object({
  email: z
    .string({ error: 'Identifiant obligatoire.' })
    .trim()
    .toLowerCase()
    .min(1, 'Identifiant obligatoire.')
    .max(254, 'Identifiant trop long.'),
  // Capped before any hashing.
  password: z
    .string({ error: 'Mot de passe obligatoire.' })
    .min(1, 'Mot de passe obligatoire.')
    .max(MAX_PASSWORD_LENGTH, `Mot de passe : ${MAX_PASSWORD_LENGTH} caractères au plus.`),
});
export type LoginBody = z.input<typeof loginBodySchema>;

/** The signed-in staff member (POST /api/auth/login, GET /api/auth/me). */
export const staffIdentitySchema = z.strictObject({
  id: idSchema,
  email: z.string(),
  full_name: z.string(),
  role: z.enum(STAFF_ROLES),
  /** Null for a national admin. */
  prefecture_code: z.string().nullable(),
});
export type StaffIdentity = z.infer<typeof staffIdentitySchema>;
