import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.url().optional(),
  /** Read only by the demo start (`--demo`, what `npm start` passes). */
  SEED_DOSSIERS: z.coerce.number().int().min(0).default(60),
  // The number of reverse proxies that append to X-Forwarded-For; `true` means one.
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d)$/, 'true, false or a number of proxies (0 to 9)')
    .default('false')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  RESEND_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Processes serving the port (node:cluster); 1: the server is one process, as for the demo. */
  WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  MAIL_FROM: z.string().default('Préfecture — Étranger malade <ne-pas-repondre@example.gouv.fr>'),
});

export type ServerConfig = ReturnType<typeof readConfig>;

/** Reads and validates the environment once; a bad value stops the server with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, '');
  return { ...values, DATA_DIR: resolve(values.DATA_DIR), publicUrl, secureCookies: publicUrl.startsWith('https://') };
}
