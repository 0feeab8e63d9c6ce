import { schema } from '@em/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { idsFilter, integerFilter, listResponse, parseId, parseListQuery, toApiRecord } from '../../http/react-admin.js';
import { requireStaff } from '../auth/guard.js';
import { staffDossierScope } from '../dossiers/scope.js';

const { events, dossiers } = schema;

/** The audit timeline of a dossier, read-only (the table refuses updates and deletes). */
export function eventRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  const select = () =>
    deps.db
      .select({
        id: events.id,
        at: events.at,
        actorLabel: events.actorLabel,
        actorRole: events.actorRole,
        action: events.action,
        dossierId: events.dossierId,
        before: events.before,
        after: events.after,
        reason: events.reason,
      })
      .from(events)
      .innerJoin(dossiers, eq(dossiers.id, events.dossierId));

  app.get('/', (c) => {
    const query = parseListQuery(c, ['id', 'at']);
    const conditions = [staffDossierScope(c.var.staff)];
    const ids = idsFilter(query.filter);
    if (ids) conditions.push(inArray(events.id, ids));
    const dossierId = integerFilter(query.filter, 'dossier_id');
    if (dossierId !== undefined) conditions.push(eq(events.dossierId, dossierId));
    const where = and(...conditions);
    const order = query.sort?.order === 'DESC' ? desc : asc;
    const rows = select()
      .where(where)
      .orderBy(order(events.at), order(events.id))
      .limit(query.range.limit)
      .offset(query.range.offset)
      .all();
    const total =
      deps.db
        .select({ count: sql<number>`count(*)` })
        .from(events)
        .innerJoin(dossiers, eq(dossiers.id, events.dossierId))
        .where(where)
        .get()?.count ?? 0;
    return listResponse(c, 'events', query, rows.map(toApiRecord), total);
  });

  app.get('/:id', (c) => {
    const row = select()
      .where(and(staffDossierScope(c.var.staff), eq(events.id, parseId(c.req.param('id')))))
      .get();
    if (!row) throw notFound('Événement introuvable.');
    return c.json(toApiRecord(row));
  });

  return app;
}
