import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '../deps.js';

/** Serves a built single-page app under `prefix`, falling back to its index.html for client routes. */
export function mountSpa(app: Hono<AppEnv>, prefix: string, distDir: string) {
  const indexFile = join(distDir, 'index.html');
  const root = relative(process.cwd(), distDir) || '.';
  const base = prefix === '/' ? '' : prefix;
  if (base) app.get(base, (c) => c.redirect(`${base}/`));
  app.use(`${base}/*`, serveStatic({ root, rewriteRequestPath: (path) => (base ? path.slice(base.length) : path) || '/' }));
  app.get(`${base}/*`, (c) => {
    if (!existsSync(indexFile)) return c.text('Interface non construite : lancez « npm run build ».', 503);
    return c.html(readFileSync(indexFile, 'utf8'));
  });
}
