import { loginBodySchema, type StaffIdentity } from '@em/contract';
import { schema } from '@em/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { validate } from '../../http/validate.js';
import { requireStaff, STAFF_COOKIE } from './guard.js';
import { logIn, logOut } from './login.js';

function staffJson(user: StaffUser): StaffIdentity {
  return { id: user.id, email: user.email, full_name: user.fullName, role: user.role, prefecture_code: user.prefectureCode };
}

export function staffAuthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/login', validate('json', loginBodySchema), async (c) => {
    const user = await logIn(
      deps,
      c,
      {
        cookie: STAFF_COOKIE,
        throttlePrefix: '',
        find: (email) => deps.db.select().from(schema.staffUsers).where(eq(schema.staffUsers.email, email)).get(),
        owner: (staff) => ({ staffUserId: staff.id }),
      },
      c.req.valid('json'),
    );
    return c.json(staffJson(user));
  });

  app.post('/logout', (c) => logOut(deps, c, STAFF_COOKIE));

  app.get('/me', requireStaff(deps), (c) => c.json(staffJson(c.var.staff)));

  return app;
}
