import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../deps.js';

/** A caller's X-Request-Id is kept only if it looks like an id, so that nothing else reaches the log through it. */
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * One JSON line per request: its id, the route pattern (never the path or the query string,
 * which may hold a name or a token), the status, the duration and who made it, by id. Never a
 * body, a cookie, a name or an e-mail address.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const given = c.req.header('x-request-id');
  const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  c.set('requestId', requestId);
  c.header('X-Request-Id', requestId);
  await next();
  if (process.env.LOG_REQUESTS === 'false') return;
  const staff = c.get('staff');
  const applicant = c.get('applicant');
  process.stdout.write(
    `${JSON.stringify({
      t: new Date().toISOString(),
      id: requestId,
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: staff ? `staff:${staff.id}` : applicant ? `usager:${applicant.id}` : undefined,
    })}\n`,
  );
});
