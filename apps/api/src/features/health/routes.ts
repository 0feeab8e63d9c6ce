import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';

export function healthRoutes(deps: AppDeps) {
  const app = new Hono();
  app.get('/', (c) => {
    try {
      deps.db.get(sql`select 1`);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ message: 'La base de données ne répond pas.' }, 503);
    }
  });
  return app;
}
