import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { listResponse, parseId, parseListQuery } from '../../http/react-admin.js';
import { requireStaff } from '../auth/guard.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { sendStoredFile } from './content.js';
import { FILE_SORTABLE, fileApiRecord, findFile, listFiles } from './queries.js';

const URL_PREFIX = '/api/files';

export function fileRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  app.get('/', (c) => {
    const query = parseListQuery(c, FILE_SORTABLE);
    const { rows, total } = listFiles(deps.db, c.var.staff, query, URL_PREFIX);
    return listResponse(c, 'files', query, rows, total);
  });

  app.get('/:id', (c) => {
    const file = findFile(deps.db, staffDossierScope(c.var.staff), parseId(c.req.param('id')));
    if (!file) throw notFound('Fichier introuvable.');
    return c.json(fileApiRecord(file, URL_PREFIX));
  });

  app.get('/:id/content', (c) => {
    const file = findFile(deps.db, staffDossierScope(c.var.staff), parseId(c.req.param('id')));
    if (!file) throw notFound('Fichier introuvable.');
    return sendStoredFile(c, deps.store, file);
  });

  return app;
}
