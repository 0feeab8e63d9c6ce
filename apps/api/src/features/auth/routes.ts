import { loginBodySchema, passwordChangeSchema, type StaffIdentity } from '@em/contract';
import { hashPassword, schema } from '@em/db';
import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { validate } from '../../http/validate.js';
import { requireStaff, STAFF_COOKIE } from './guard.js';
import { logIn, logOut } from './login.js';

function staffJson(user: StaffUser): StaffIdentity {
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    role: user.role,
    prefecture_code: user.prefectureCode,
    must_change_password: user.mustChangePassword,
  };
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
        // A deactivated account answers like an unknown one.
        find: (email) =>
          deps.db
            .select()
            .from(schema.staffUsers)
            .where(and(eq(schema.staffUsers.email, email), isNull(schema.staffUsers.deactivatedAt)))
            .get(),
        owner: (staff) => ({ staffUserId: staff.id }),
      },
      c.req.valid('json'),
    );
    return c.json(staffJson(user));
  });

  app.post('/logout', (c) => logOut(deps, c, STAFF_COOKIE));

  const self = requireStaff(deps, { whilePasswordChangeRequired: true });
  app.get('/me', self, (c) => c.json(staffJson(c.var.staff)));

  /** The person replaces their password, provisional or not (same policy as the applicants'). */
  app.post('/password', self, validate('json', passwordChangeSchema), async (c) => {
    const passwordHash = await hashPassword(c.req.valid('json').password);
    deps.db
      .update(schema.staffUsers)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(schema.staffUsers.id, c.var.staff.id))
      .run();
    return c.body(null, 204);
  });

  return app;
}
