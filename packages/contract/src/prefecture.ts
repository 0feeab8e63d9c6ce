import { z } from 'zod';

/** A préfecture and its settings (GET /api/prefectures, /api/prefectures/:code, PUT /api/prefectures/:code). */
export const prefectureSchema = z.strictObject({
  /** The département code, also react-admin's id. */
  id: z.string(),
  code: z.string(),
  name: z.string(),
  auto_close_expired: z.boolean(),
});
export type Prefecture = z.infer<typeof prefectureSchema>;

/** react-admin's edit form sends the whole record: only the setting is read. */
export const prefectureSettingsBodySchema = z.object({
  auto_close_expired: z.boolean({ error: 'Clôture automatique : oui ou non attendu.' }),
});
export type PrefectureSettingsBody = z.input<typeof prefectureSettingsBodySchema>;
