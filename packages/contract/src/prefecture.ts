import { z } from 'zod';

/** A préfecture and its settings (GET /api/prefectures, /api/prefectures/:code, PUT /api/prefectures/:code). */
export const prefectureSchema = z.strictObject({
  /** The département code, also react-admin's id. */
  id: z.string(),
  code: z.string(),
  name: z.string(),
  auto_close_expired: z.boolean(),
  /** The dossiers the automatic closure would close now (the « À clôturer » figure of « Échéances »). */
  closable_now: z.number().int().nonnegative(),
});
export type Prefecture = z.infer<typeof prefectureSchema>;

/**
 * PUT /api/prefectures/:code. react-admin's edit form sends the whole record: each field that
 * changed is checked against the role (the name: admin; automatic closure: the préfecture's supervisor).
 */
export const prefectureSettingsBodySchema = z.object({
  name: z.string().trim().min(1, { error: 'Nom obligatoire.' }).max(200).optional(),
  auto_close_expired: z.boolean({ error: 'Clôture automatique : oui ou non attendu.' }).optional(),
});
export type PrefectureSettingsBody = z.input<typeof prefectureSettingsBodySchema>;
