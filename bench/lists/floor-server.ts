/**
 * The floor of the benchmark: the same list and record queries as the API (the same functions, so
 * the same SQL), scoped to one préfecture, on a bare @hono/node-server route: no session, no
 * middleware, no logging. What the API costs on top of its SQL is its time minus this one's.
 * Usage (by bench/dossier-lists.ts): DATA_DIR=… PORT=… PREFECTURE=59 node --import tsx bench/lists/floor-server.ts
 */
import { openDatabase } from '@em/db';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { listDossiers } from '../../apps/api/src/features/dossiers/list.js';
import { DOSSIER_SORTABLE, findDossier } from '../../apps/api/src/features/dossiers/queries.js';
import { staffDossierScope } from '../../apps/api/src/features/dossiers/scope.js';
import { listPieces, PIECE_SORTABLE } from '../../apps/api/src/features/pieces/queries.js';
import { listResponse, parseListQuery } from '../../apps/api/src/http/react-admin.js';

const db = openDatabase(process.env.DATA_DIR!);
// The planner's statistics, as the server's jobs keep them at start.
db.$client.pragma('optimize');
const agent = {
  id: 0,
  email: '',
  fullName: '',
  role: 'agent',
  prefectureCode: process.env.PREFECTURE!,
  mustChangePassword: false,
} as const;
const scope = staffDossierScope(agent);
const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));
app.get('/api/dossiers', (c) => {
  const query = parseListQuery(c, DOSSIER_SORTABLE);
  const { rows, total } = listDossiers(db, agent, query, new Date());
  return listResponse(c, 'dossiers', query, rows, total);
});
app.get('/api/dossiers/:id', (c) => c.json(findDossier(db, scope, Number(c.req.param('id')), new Date())));
app.get('/api/pieces', (c) => {
  const query = parseListQuery(c, PIECE_SORTABLE);
  const { rows, total } = listPieces(db, agent, query);
  return listResponse(c, 'pieces', query, rows, total);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT) });
