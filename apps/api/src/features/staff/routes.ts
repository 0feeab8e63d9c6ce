import { staffCreateSchema, staffUpdateSchema } from '@em/contract';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { listResponse, parseId, parseListQuery } from '../../http/react-admin.js';
import { validate } from '../../http/validate.js';
import { requireStaff } from '../auth/guard.js';
import { requirePermission } from '../auth/permissions.js';
import { createStaff, findStaff, listStaff, resetStaffPassword, STAFF_SORTABLE, staffRecord, updateStaff } from './service.js';

/** Staff accounts, for the national admin only (react-admin simple-rest resource `staff`). */
export function staffRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps), requirePermission('manage_staff'));

  app.get('/', (c) => {
    const query = parseListQuery(c, STAFF_SORTABLE);
    const { rows, total } = listStaff(deps.db, query);
    return listResponse(c, 'staff', query, rows, total);
  });

  app.get('/:id', (c) => c.json(staffRecord(findStaff(deps.db, parseId(c.req.param('id'))))));

  app.post('/', validate('json', staffCreateSchema), async (c) => c.json(await createStaff(deps, c.var.staff, c.req.valid('json')), 201));

  app.put('/:id', validate('json', staffUpdateSchema), (c) =>
    c.json(updateStaff(deps, c.var.staff, parseId(c.req.param('id')), c.req.valid('json'))),
  );

  app.post('/:id/reset-password', async (c) => c.json(await resetStaffPassword(deps, c.var.staff, parseId(c.req.param('id')))));

  return app;
}
