import { passwordChangeSchema } from '@em/contract';
import { hashPassword, schema } from '@em/db';
import { applicantPasswordMessage } from '@em/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { badRequest } from '../../http/errors.js';
import { parseBody } from '../../http/validate.js';
import { requireStaff, STAFF_COOKIE } from './guard.js';
import { logIn, logOut } from './login.js';

function staffJson(user: StaffUser) {
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

  app.post('/login', async (c) => {
    const user = await logIn(deps, c, {
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
    });
    return c.json(staffJson(user));
  });

  app.post('/logout', (c) => logOut(deps, c, STAFF_COOKIE));

  const self = requireStaff(deps, { whilePasswordChangeRequired: true });
  app.get('/me', self, (c) => c.json(staffJson(c.var.staff)));

  /** The person replaces their password, provisional or not (same policy as the applicants'). */
  app.post('/password', self, async (c) => {
    const { password, confirmation } = parseBody(passwordChangeSchema, await c.req.json().catch(() => null));
    const problem = applicantPasswordMessage(password);
    if (problem) throw badRequest(problem);
    if (password !== confirmation) throw badRequest('Les deux mots de passe ne sont pas identiques.');
    deps.db
      .update(schema.staffUsers)
      .set({ passwordHash: await hashPassword(password), mustChangePassword: false })
      .where(eq(schema.staffUsers.id, c.var.staff.id))
      .run();
    return c.body(null, 204);
  });

  return app;
}
