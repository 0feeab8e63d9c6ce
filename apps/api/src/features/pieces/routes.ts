import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { listResponse, parseId, parseListQuery } from '../../http/react-admin.js';
import { requireStaff } from '../auth/guard.js';
import { reviewPieceRoutes } from '../dossiers/actions/review-piece.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { attachReceivedFileRoutes } from './attach-received-file.js';
import { findPiece, listPieces, PIECE_SORTABLE } from './queries.js';

export function pieceRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  app.get('/', (c) => {
    const query = parseListQuery(c, PIECE_SORTABLE);
    const { rows, total } = listPieces(deps.db, c.var.staff, query);
    return listResponse(c, 'pieces', query, rows, total);
  });

  app.get('/:id', (c) => {
    const piece = findPiece(deps.db, staffDossierScope(c.var.staff), parseId(c.req.param('id')));
    if (!piece) throw notFound('Pièce introuvable.');
    return c.json(piece);
  });

  app.route('/', reviewPieceRoutes(deps));
  app.route('/', attachReceivedFileRoutes(deps));
  return app;
}
