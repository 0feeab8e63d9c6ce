import { ephotoBodySchema } from '@em/contract';
import { schema } from '@em/db';
import { FILE_TOO_LARGE_MESSAGE, MAX_FILE_BYTES } from '@em/domain';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../../deps.js';
import { uploadBody } from '../../http/body-limit.js';
import { forbidden, notFound } from '../../http/errors.js';
import { parseId } from '../../http/react-admin.js';
import { validate } from '../../http/validate.js';
import { accountRoutes } from '../account/routes.js';
import { requireApplicant } from '../auth/guard.js';
import { communeRoutes, demandeRoutes } from '../demande/routes.js';
import { sendStoredFile } from '../files/content.js';
import { applicantAuthRoutes } from './auth-routes.js';
import { applicantDossierView, applicantFileRecord } from './dossier-view.js';
import {
  addComplementFile,
  checkComplementPiece,
  removeComplementFile,
  removeNewEphoto,
  replaceEphoto,
  submitComplements,
} from './service.js';
import { receiveUpload } from './upload.js';

const passwordReset = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.applicant.mustResetPassword) throw forbidden("Vous devez d'abord réinitialiser votre mot de passe provisoire.");
  await next();
});

// Multipart framing adds a little around what a file may weigh.
const uploadLimit = uploadBody(MAX_FILE_BYTES + 64 * 1024, FILE_TOO_LARGE_MESSAGE);

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
    // Ownership, state, the piece asked for, count and room are checked before a byte of the upload is read.
    const { room } = deps.db.transaction((tx) => checkComplementPiece(tx, c.var.applicant.id, pieceId));
    const upload = await receiveUpload(c.req.raw, deps.store, room);
    const file = await addComplementFile(deps, c.var.applicant.id, pieceId, upload);
    return c.json(applicantFileRecord(file, file.complementRequestId), 201);
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

  own.put('/dossier/ephoto', validate('json', ephotoBodySchema), (c) => {
    replaceEphoto(deps, c.var.applicant.id, c.req.valid('json').ephoto);
    return c.json(applicantDossierView(deps.db, c.var.applicant.id, deps.now()));
  });

  own.delete('/dossier/ephoto', (c) => {
    removeNewEphoto(deps, c.var.applicant.id);
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
