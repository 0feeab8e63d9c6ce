import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../deps.js';

/** One JSON line per request: never a body, a cookie, a name or a query string (it may hold a name). */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const requestId = c.req.header('x-request-id')?.slice(0, 64) ?? crypto.randomUUID();
  c.set('requestId', requestId);
  c.header('X-Request-Id', requestId);
  await next();
  if (process.env.LOG_REQUESTS === 'false') return;
  process.stdout.write(
    `${JSON.stringify({
      t: new Date().toISOString(),
      id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    })}\n`,
  );
});
