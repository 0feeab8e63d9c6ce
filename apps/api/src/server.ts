import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_APPLICANT, DEMO_STAFF, FileStore, fileStorePath, migrateDatabase, openDatabase } from '@em/db';
import { isDatabaseEmpty, seedDemoData } from '@em/db/seed';
import { createLocalTransport, createResendTransport } from '@em/mail';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { startJobs } from './jobs.js';

const config = readConfig();
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const db = openDatabase(config.DATA_DIR);
migrateDatabase(db);
const store = new FileStore(fileStorePath(config.DATA_DIR));
store.removeTemporaryFiles();

if (isDatabaseEmpty(db)) {
  console.log(`Base vide : chargement des données de démonstration (${config.SEED_DOSSIERS} dossiers)…`);
  await seedDemoData(db, store, { dossiers: config.SEED_DOSSIERS, now: new Date() });
}

const deps = {
  db,
  store,
  now: () => new Date(),
  config: {
    publicUrl: config.publicUrl,
    secureCookies: config.secureCookies,
    trustProxy: config.TRUST_PROXY,
    consoleDist: join(repoRoot, 'apps', 'console', 'dist'),
    portalDist: join(repoRoot, 'apps', 'portal', 'dist'),
    resendWebhookSecret: config.RESEND_WEBHOOK_SECRET,
  },
};
const app = createApp(deps);
const transport = config.RESEND_API_KEY
  ? createResendTransport({ apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL })
  : createLocalTransport();
const stopJobs = startJobs(deps, transport, config.MAIL_FROM);

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => {
  const lines = [
    '',
    `Étranger malade — prêt (données : ${config.DATA_DIR})`,
    `  Console (agents)  ${config.publicUrl}/console/`,
    `  Portail (usagers) ${config.publicUrl}/`,
    `  API               ${config.publicUrl}/api`,
    `  Courriels         ${transport.name === 'resend' ? 'envoyés par Resend' : 'boîte locale, visible dans la console (menu « Boîte mail locale »)'}`,
    '',
    'Comptes de démonstration (rôle  e-mail  mot de passe) :',
    ...DEMO_STAFF.map((user) => `${user.role}  ${user.email}  ${user.password}`),
    `${DEMO_APPLICANT.role}  ${DEMO_APPLICANT.email}  ${DEMO_APPLICANT.password}`,
    '',
  ];
  console.log(lines.join('\n'));
});

function shutdown() {
  stopJobs();
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
