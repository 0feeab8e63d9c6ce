import type { DossierEvent } from '@em/contract';
import { type Db, schema } from '@em/db';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { type ListQuery, listResponse, parseId, parseListQuery, toApiRecord } from '../../http/react-admin.js';
import { requireStaff } from '../auth/guard.js';
import { preparedCount, preparedRecordLists } from '../dossiers/record-lists.js';
import { staffDossierScope } from '../dossiers/scope.js';

const { events, dossiers, actorLabels } = schema;

function selectEvents(db: Db) {
  return db
    .select({
      id: events.id,
      // The joined dossier's id: the same value, never null.
      dossierId: dossiers.id,
      at: events.at,
      actorLabel: actorLabels.label,
      actorRole: events.actorRole,
      action: events.action,
      before: events.before,
      after: events.after,
      piece: events.piece,
      reason: events.reason,
    })
    .from(events)
    .innerJoin(dossiers, eq(dossiers.id, events.dossierId))
    .innerJoin(actorLabels, eq(actorLabels.id, events.actorLabelId));
}

/** « CODE : reason », as events about a piece were written before it had its column (0019). */
const eventRecord = ({ piece, reason, ...row }: ReturnType<ReturnType<typeof selectEvents>['all']>[number]): DossierEvent =>
  toApiRecord({ ...row, reason: piece === null ? reason : `${piece}${reason ? ` : ${reason}` : ''}` });

function eventPage(db: Db, query: ListQuery, where: SQL | undefined) {
  const order = query.sort?.order === 'DESC' ? desc : asc;
  return selectEvents(db)
    .where(where)
    .orderBy(order(events.at), order(events.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .prepare();
}

const eventLists = preparedRecordLists({ id: events.id, filters: { dossier_id: events.dossierId } }, (db, query, where) => ({
  rows: eventPage(db, query, where),
  total: preparedCount(db, events, events.dossierId, where),
}));

/** The audit timeline of a dossier, read-only (the table refuses updates and deletes). */
export function eventRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  app.get('/', (c) => {
    const query = parseListQuery(c, ['id', 'at']);
    const { rows, total } = eventLists(deps.db, c.var.staff, query);
    return listResponse(c, 'events', query, rows.map(eventRecord), total);
  });

  app.get('/:id', (c) => {
    const row = selectEvents(deps.db)
      .where(and(staffDossierScope(c.var.staff), eq(events.id, parseId(c.req.param('id')))))
      .get();
    if (!row) throw notFound('Événement introuvable.');
    return c.json(eventRecord(row));
  });

  return app;
}
