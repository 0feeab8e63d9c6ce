import { assignRequestSchema, bulkCloseRequestSchema, scopeQuerySchema, statisticsQuerySchema } from '@em/contract';
import { schema } from '@em/db';
import { formatParisDate } from '@em/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { parseListQuery } from '../../http/react-admin.js';
import { validate } from '../../http/validate.js';
import { requireStaff } from '../auth/guard.js';
import { requirePermission } from '../auth/permissions.js';
import { DOSSIER_SORTABLE } from '../dossiers/queries.js';
import { staffCountScope, staffDossierScope } from '../dossiers/scope.js';
import { assignDossiers, assigneesOf, closeDossiers } from './bulk.js';
import { buildDashboard } from './dashboard.js';
import { dossierCsvStream } from './export.js';
import { buildStatistics } from './statistics.js';

/** The caller's dossiers, narrowed to one préfecture when asked (useful to the national admin; a no-op or nothing for the others). */
function scopeOf(staff: StaffUser, prefectureCode: string | undefined): SQL {
  return and(staffDossierScope(staff), prefectureCode ? eq(schema.dossiers.prefectureCode, prefectureCode) : undefined)!;
}

/** The same narrowing on the counts kept per préfecture, status and assignee. */
function countScopeOf(staff: StaffUser, prefectureCode: string | undefined): SQL {
  return and(staffCountScope(staff), prefectureCode ? sql`prefecture_code = ${prefectureCode}` : undefined)!;
}

/** The supervisor's tools: « Échéances », statistics, assignment, bulk closing and the CSV export. */
export function supervisionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));

  app.get('/dashboard', requirePermission('dashboard'), validate('query', scopeQuerySchema), (c) => {
    const { prefecture_code } = c.req.valid('query');
    const staff = c.var.staff;
    const scopes = { dossiers: scopeOf(staff, prefecture_code), counts: countScopeOf(staff, prefecture_code) };
    return c.json(buildDashboard(deps.db, scopes, prefecture_code ?? staff.prefectureCode, deps.now()));
  });

  app.get('/statistics', requirePermission('statistics'), validate('query', statisticsQuerySchema), (c) => {
    const query = c.req.valid('query');
    return c.json(buildStatistics(deps.db, scopeOf(c.var.staff, query.prefecture_code), query.from, query.to));
  });

  app.get('/assignees', requirePermission('assign'), (c) => c.json(assigneesOf(deps.db, c.var.staff)));

  app.post('/assign', requirePermission('assign'), validate('json', assignRequestSchema), (c) => {
    const { ids, assignee_id } = c.req.valid('json');
    return c.json(assignDossiers(deps, c.var.staff, ids, assignee_id));
  });

  app.post('/close', requirePermission('bulk_close'), validate('json', bulkCloseRequestSchema), (c) => {
    const { ids, reason } = c.req.valid('json');
    return c.json(closeDossiers(deps, c.var.staff, ids, reason));
  });

  /** `?filter=` as the dossier list sends it: the export is exactly the list being looked at, in the same scope. */
  app.get('/export', requirePermission('export'), (c) => {
    const { filter } = parseListQuery(c, DOSSIER_SORTABLE);
    const stream = dossierCsvStream(deps.db, staffDossierScope(c.var.staff), filter, deps.now());
    const day = formatParisDate(deps.now()).split('/').reverse().join('-');
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="dossiers-${c.var.staff.prefectureCode ?? 'national'}-${day}.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
