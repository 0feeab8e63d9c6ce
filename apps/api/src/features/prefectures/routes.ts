import { type Prefecture, prefectureSettingsBodySchema } from '@em/contract';
import { type Db, schema } from '@em/db';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { filterValues, listResponse, parseListQuery } from '../../http/react-admin.js';
import { validate } from '../../http/validate.js';
import { recordEvent } from '../audit/record.js';
import { requireStaff } from '../auth/guard.js';
import { assertPermission } from '../auth/permissions.js';
import { dossierListConditions } from '../dossiers/queries.js';
import { dashboardFigures } from '../supervision/dashboard.js';

const { prefectures } = schema;

/** A staff member sees their own préfecture; the national admin sees all of them. */
function prefectureScope(staff: StaffUser): SQL | undefined {
  return staff.role === 'admin' ? undefined : eq(prefectures.code, staff.prefectureCode ?? '\u0000');
}

/** Per préfecture, the dossiers the automatic closure would close now: the « À clôturer » list of « Échéances ». */
function closableNow(db: Db, codes: string[], now: Date): Map<string, number> {
  if (codes.length === 0) return new Map();
  const toClose = dashboardFigures(now).find((figure) => figure.key === 'to_close')!;
  const rows = db
    .select({ code: schema.dossiers.prefectureCode, count: sql<number>`count(*)` })
    .from(schema.dossiers)
    .where(and(inArray(schema.dossiers.prefectureCode, codes), ...dossierListConditions(toClose.filter, now)))
    .groupBy(schema.dossiers.prefectureCode)
    .all();
  return new Map(rows.map((row) => [row.code ?? '', row.count]));
}

const record = (row: typeof prefectures.$inferSelect, closable: Map<string, number>): Prefecture => ({
  id: row.code,
  code: row.code,
  name: row.name,
  auto_close_expired: row.autoCloseExpired,
  closable_now: closable.get(row.code) ?? 0,
});

/**
 * Préfectures: the national admin creates and names them; only the préfecture's own supervisor
 * switches its automatic closure (closing a file is a decision on a case, which an admin never takes).
 */
export function prefectureRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  const find = (staff: StaffUser, code: string) => {
    const row = deps.db
      .select()
      .from(prefectures)
      .where(and(prefectureScope(staff), eq(prefectures.code, code)))
      .get();
    if (!row) throw notFound('Préfecture introuvable.');
    return row;
  };

  app.get('/', (c) => {
    const query = parseListQuery(c, ['id', 'code', 'name']);
    const ids = filterValues(query.filter, 'id')?.map(String);
    const where = and(prefectureScope(c.var.staff), ids ? inArray(prefectures.code, ids) : undefined);
    const rows = deps.db.select().from(prefectures).where(where).orderBy(asc(prefectures.code)).all();
    const page = rows.slice(query.range.offset, query.range.offset + query.range.limit);
    const closable = closableNow(
      deps.db,
      page.map((row) => row.code),
      deps.now(),
    );
    return listResponse(
      c,
      'prefectures',
      query,
      page.map((row) => record(row, closable)),
      rows.length,
    );
  });

  const one = (row: typeof prefectures.$inferSelect) => record(row, closableNow(deps.db, [row.code], deps.now()));

  app.get('/:code', (c) => c.json(one(find(c.var.staff, c.req.param('code')))));

  app.put('/:code', validate('json', prefectureSettingsBodySchema), (c) => {
    const staff = c.var.staff;
    const row = find(staff, c.req.param('code'));
    const input = c.req.valid('json');
    const name = input.name ?? row.name;
    const autoClose = input.auto_close_expired ?? row.autoCloseExpired;
    if (name !== row.name) assertPermission(staff, 'manage_prefectures');
    if (autoClose !== row.autoCloseExpired) assertPermission(staff, 'auto_close_setting');
    deps.db.transaction((tx) => {
      tx.update(prefectures).set({ name, autoCloseExpired: autoClose }).where(eq(prefectures.code, row.code)).run();
      if (autoClose !== row.autoCloseExpired) {
        recordEvent(tx, {
          actor: { type: 'staff', user: staff },
          action: 'prefecture_auto_close',
          dossierId: null,
          at: deps.now(),
          before: String(row.autoCloseExpired),
          after: String(autoClose),
          reason: row.code,
        });
      }
    });
    return c.json(one(find(staff, row.code)));
  });

  return app;
}
