import { schema } from '@em/db';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../../deps.js';
import { forbidden, HttpError, notFound } from '../../http/errors.js';
import { parseId } from '../../http/react-admin.js';
import { accountRoutes } from '../account/routes.js';
import { requireApplicant } from '../auth/guard.js';
import { communeRoutes, demandeRoutes } from '../demande/routes.js';
import { sendStoredFile } from '../files/content.js';
import { applicantAuthRoutes } from './auth-routes.js';
import { APPLICANT_FILE_URL, applicantDossierView } from './dossier-view.js';
import { addComplementFile, removeComplementFile, replaceEphoto, submitComplements } from './service.js';
import { checkUpload, FILE_TOO_LARGE } from './upload.js';

const passwordReset = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.applicant.mustResetPassword) throw forbidden("Vous devez d'abord réinitialiser votre mot de passe provisoire.");
  await next();
});

// Multipart framing adds a little around the 10 Mo a file may weigh.
const uploadLimit = bodyLimit({
  maxSize: 10 * 1024 * 1024 + 64 * 1024,
  onError: () => {
    throw new HttpError(413, FILE_TOO_LARGE);
  },
});

/** The portal's API: the applicant sees and touches their own dossier only. */
export function applicantRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/auth', applicantAuthRoutes(deps));
  app.route('/compte', accountRoutes(deps));

  const own = new Hono<AppEnv>();
  own.use('*', requireApplicant(deps), passwordReset);

  own.get('/dossier', (c) => c.json(applicantDossierView(deps.db, c.var.applicant.id, deps.now())));

  own.post('/pieces/:id/files', uploadLimit, async (c) => {
    const pieceId = parseId(c.req.param('id'));
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const upload = await checkUpload(body.file);
    const file = addComplementFile(deps, c.var.applicant.id, pieceId, upload);
    return c.json(
      {
        id: file.id,
        original_name: file.originalName,
        size: file.size,
        detected_type: file.detectedType,
        uploaded_at: file.uploadedAt.toISOString(),
        late: file.late,
        url: `${APPLICANT_FILE_URL}/${file.id}/content`,
        removable: true,
      },
      201,
    );
  });

  own.delete('/files/:id', (c) => {
    removeComplementFile(deps, c.var.applicant.id, parseId(c.req.param('id')));
    return c.body(null, 204);
  });

  own.get('/files/:id/content', (c) => {
    const file = deps.db
      .select({ sha256: schema.files.sha256, detectedType: schema.files.detectedType, originalName: schema.files.originalName })
      .from(schema.files)
      .innerJoin(schema.pieces, eq(schema.pieces.id, schema.files.pieceId))
      .innerJoin(schema.dossiers, eq(schema.dossiers.id, schema.pieces.dossierId))
      .where(and(eq(schema.dossiers.applicantId, c.var.applicant.id), eq(schema.files.id, parseId(c.req.param('id')))))
      .get();
    if (!file) throw notFound('Fichier introuvable.');
    return sendStoredFile(c, deps.store, file);
  });

  own.put('/dossier/ephoto', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { ephoto?: unknown } | null;
    replaceEphoto(deps, c.var.applicant.id, body?.ephoto);
    return c.json(applicantDossierView(deps.db, c.var.applicant.id, deps.now()));
  });

  own.post('/dossier/complements', (c) => {
    submitComplements(deps, c.var.applicant.id);
    return c.json(applicantDossierView(deps.db, c.var.applicant.id, deps.now()));
  });

  own.route('/demandes', demandeRoutes(deps));
  own.route('/communes', communeRoutes());

  app.route('/', own);
  return app;
}
