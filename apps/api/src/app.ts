import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './deps.js';
import { eventRoutes } from './features/audit/routes.js';
import { staffAuthRoutes } from './features/auth/routes.js';
import { dossierRoutes } from './features/dossiers/routes.js';
import { fileRoutes } from './features/files/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { emailRoutes } from './features/mail/routes.js';
import { resendWebhookRoutes } from './features/mail/webhook.js';
import { pieceRoutes } from './features/pieces/routes.js';
import { prefectureRoutes } from './features/prefectures/routes.js';
import { staffRoutes } from './features/staff/routes.js';
import { supervisionRoutes } from './features/supervision/routes.js';
import { applicantRoutes } from './features/usager/routes.js';
import { limitBodies } from './http/body-limit.js';
import { HttpError } from './http/errors.js';
import { noStore, securityHeaders } from './http/headers.js';
import { requestLog } from './http/logging.js';
import { mountSpa } from './http/static.js';

/** Builds the whole HTTP application on its dependencies; no I/O happens at import. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('*', requestLog);
  app.use('*', securityHeaders);
  app.use('/api/*', noStore);
  app.use('*', limitBodies);
  // Behind a TLS proxy the request's own URL is http://: the origin browsers send is PUBLIC_URL's.
  app.use('/api/*', csrf({ origin: new URL(deps.config.publicUrl).origin }));

  const api = new Hono<AppEnv>();
  api.route('/health', healthRoutes(deps));
  api.route('/auth', staffAuthRoutes(deps));
  api.route('/dossiers', dossierRoutes(deps));
  api.route('/pieces', pieceRoutes(deps));
  api.route('/files', fileRoutes(deps));
  api.route('/events', eventRoutes(deps));
  api.route('/emails', emailRoutes(deps));
  api.route('/prefectures', prefectureRoutes(deps));
  api.route('/staff', staffRoutes(deps));
  api.route('/supervision', supervisionRoutes(deps));
  api.route('/usager', applicantRoutes(deps));
  api.route('/webhooks/resend', resendWebhookRoutes(deps, deps.config.resendWebhookSecret));
  api.all('*', (c) => c.json({ message: 'Ressource introuvable.' }, 404));
  app.route('/api', api);

  if (deps.config.consoleDist) mountSpa(app, '/console', deps.config.consoleDist);
  if (deps.config.portalDist) mountSpa(app, '/', deps.config.portalDist);

  app.notFound((c) => c.json({ message: 'Ressource introuvable.' }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json(error.fields ? { message: error.message, fields: error.fields } : { message: error.message }, error.status);
    }
    if (error instanceof HTTPException && error.status === 403) {
      return c.json({ message: 'Requête refusée : elle ne vient pas de ce site.' }, 403);
    }
    // Hono's body parsers (JSON, multipart) refuse a body they cannot read with an English message.
    if (error instanceof HTTPException && error.status === 400) {
      const message = /JSON/.test(error.message) ? 'Corps de requête invalide : JSON attendu.' : 'Corps de requête illisible.';
      return c.json({ message }, 400);
    }
    if (error instanceof HTTPException) return c.json({ message: error.message || 'Requête invalide.' }, error.status);
    console.error(JSON.stringify({ t: new Date().toISOString(), id: c.get('requestId'), error: String(error), stack: error.stack }));
    return c.json({ message: 'Erreur interne du serveur. Réessayez plus tard.' }, 500);
  });
  return app;
}
