import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { listResponse, parseId, parseListQuery } from '../../http/react-admin.js';
import { requireStaff } from '../auth/guard.js';
import { closeIncompleteRoutes } from './actions/close-incomplete.js';
import { declareCompleteRoutes } from './actions/declare-complete.js';
import { requestComplementsRoutes } from './actions/request-complements.js';
import { resendComplementRequestRoutes } from './actions/resend-complement-request.js';
import { takeRoutes } from './actions/take.js';
import { listDossiers, workqueueCounts } from './list.js';
import { DOSSIER_SORTABLE, findDossier } from './queries.js';
import { staffDossierScope } from './scope.js';

export function dossierRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  app.get('/', (c) => {
    const query = parseListQuery(c, DOSSIER_SORTABLE);
    const { rows, total } = listDossiers(deps.db, c.var.staff, query, deps.now());
    return listResponse(c, 'dossiers', query, rows, total);
  });

  app.get('/counts', (c) => {
    const { filter } = parseListQuery(c, DOSSIER_SORTABLE);
    return c.json(workqueueCounts(deps.db, c.var.staff, filter, deps.now()));
  });

  app.get('/:id', (c) => {
    const dossier = findDossier(deps.db, staffDossierScope(c.var.staff), parseId(c.req.param('id')), deps.now());
    if (!dossier) throw notFound('Dossier introuvable.');
    return c.json(dossier);
  });

  // The agent's workflow, one file per action.
  app.route('/', takeRoutes(deps));
  app.route('/', requestComplementsRoutes(deps));
  app.route('/', resendComplementRequestRoutes(deps));
  app.route('/', declareCompleteRoutes(deps));
  app.route('/', closeIncompleteRoutes(deps));
  return app;
}
