/**
 * Starts the server. `--demo` (what `npm start` passes) loads the demo data into an empty
 * database and prints the demo logins; without it (`npm run serve`, a real deployment) the
 * server creates no account and prints no password.
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore, fileStorePath, migrateDatabase, openDatabase, schema } from '@em/db';
import { DEMO_APPLICANT, DEMO_STAFF } from '@em/demo/accounts';
import { createLocalTransport, createResendTransport } from '@em/mail';
import { readConfig } from './config.js';
import { demoLoginsIn, demoRefusal } from './demo-guard.js';
import { cleanFileStore } from './features/files/storage.js';
import { startFileCleanup, startJobs } from './jobs.js';
import { consoleDist, forkWorkers, listen, portalDist, serveAsWorker, serverDeps } from './serve.js';

const demo = process.argv.includes('--demo');
const config = readConfig();
if (cluster.isWorker) {
  serveAsWorker(config);
} else {
  await startPrimary();
}

async function startPrimary() {
  if (demo && config.secureCookies) {
    console.error(
      'Démarrage refusé : --demo charge des comptes aux mots de passe publics, jamais derrière une adresse https (PUBLIC_URL).',
    );
    process.exit(1);
  }

  const db = openDatabase(config.DATA_DIR);
  migrateDatabase(db);
  const store = new FileStore(fileStorePath(config.DATA_DIR));
  // What a crash left: half-written uploads, and content whose row was never committed.
  await cleanFileStore({ db, store }, Date.now(), 0);

  if (demo) {
    const { isDatabaseEmpty, seedDemoData } = await import('@em/demo');
    if (isDatabaseEmpty(db)) {
      console.log(`Base vide : chargement des données de démonstration (${config.SEED_DOSSIERS} dossiers)…`);
      await seedDemoData(db, config.DATA_DIR, { dossiers: config.SEED_DOSSIERS, now: new Date(), publicUrl: config.publicUrl });
    }
  }

  const demoLogins = demoLoginsIn(db);
  const refusal = demoRefusal(config.secureCookies, demoLogins);
  if (refusal) {
    console.error(refusal);
    db.$client.close();
    process.exit(1);
  }

  const deps = serverDeps(config, db, store);
  const transport = config.RESEND_API_KEY
    ? createResendTransport({ apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL })
    : createLocalTransport();
  const stopJobs = startJobs(deps, transport, config.MAIL_FROM);

  /** What the operator reads once listening; passwords only for a demo start. */
  function banner(): string[] {
    const lines = [
      '',
      `Étranger malade — prêt (données : ${config.DATA_DIR})`,
      `  Console (agents)  ${config.publicUrl}/console/`,
      `  Portail (usagers) ${config.publicUrl}/`,
      `  API               ${config.publicUrl}/api`,
      `  Courriels         ${transport.name === 'resend' ? 'envoyés par Resend' : 'boîte locale, visible dans la console (menu « Boîte mail locale »)'}`,
      '',
    ];
    if (!existsSync(join(consoleDist, 'index.html')) || !existsSync(join(portalDist, 'index.html'))) {
      lines.push('Attention : la console ou le portail n’est pas construit ; lancez `npm run build`, puis redémarrez.', '');
    }
    if (demo && demoLogins.length > 0) {
      lines.push(
        'Comptes de démonstration (rôle  e-mail  mot de passe) :',
        ...DEMO_STAFF.map((user) => `${user.role}  ${user.email}  ${user.password}`),
        `${DEMO_APPLICANT.role}  ${DEMO_APPLICANT.email}  ${DEMO_APPLICANT.password}`,
        '',
      );
    } else if (demoLogins.length > 0) {
      lines.push('Attention : cette base contient des comptes de démonstration ; ne l’exposez pas sur Internet.', '');
    } else if (!db.select({ id: schema.staffUsers.id }).from(schema.staffUsers).limit(1).get()) {
      lines.push(
        'Aucun compte agent : créez le premier administrateur avec',
        '  npm run cli -- users:create --email … --password … --role admin',
        '',
      );
    }
    return lines;
  }

  const workers = config.WORKERS;
  let stopServing: (done: () => void) => void;
  if (workers === 1) {
    const stopCleanup = startFileCleanup(deps);
    const server = listen(deps, config, () => console.log(banner().join('\n')));
    stopServing = (done) => {
      stopCleanup();
      server.close(done);
    };
  } else {
    // Several processes serve the port; this one keeps the jobs (never twice) and serves nothing.
    stopServing = forkWorkers(
      workers,
      () => console.log([...banner(), `  ${workers} processus servent le port ${config.PORT}.`, ''].join('\n')),
      () => {
        console.error(`Démarrage impossible : un processus n’a pas pu servir le port ${config.PORT} (voir l’erreur ci-dessus).`);
        shutdown(1);
      },
    );
  }
  function shutdown(exitCode = 0) {
    stopJobs();
    stopServing(() => {
      db.$client.close();
      process.exit(exitCode);
    });
  }
  process.on('SIGINT', () => shutdown());
  process.on('SIGTERM', () => shutdown());
}
