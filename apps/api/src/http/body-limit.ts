import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { HttpError } from './errors.js';

/** Every body but an upload's: logins, forms, reasons. A few tens of KB is plenty. */
export const MAX_BODY_BYTES = 64 * 1024;

const uploadLimits = new WeakSet<object>();

function limit(maxSize: number, message: string): MiddlewareHandler {
  // With a Content-Length, refused before a byte is read; without one, read until the limit only.
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError(413, message);
    },
  });
}

/**
 * Marks a route as an upload: its body is not read here but streamed by the route itself
 * (`receiveUpload`), which stops past the limit. A declared length over `maxBytes` is refused at
 * once. Put it after the route's authentication, so that nobody's body is read before we know who sends it.
 */
export function uploadBody(maxBytes: number, message: string): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared && !c.req.header('transfer-encoding') && Number(declared) > maxBytes) throw new HttpError(413, message);
    await next();
  };
  uploadLimits.add(middleware);
  return middleware;
}

const defaultLimit = limit(MAX_BODY_BYTES, 'Requête trop volumineuse.');

// Hono wraps a handler of a sub-app that has its own error handler, keeping the original under this key.
const isUploadLimit = (handler: object) =>
  uploadLimits.has(handler) || uploadLimits.has((handler as { __COMPOSED_HANDLER?: object }).__COMPOSED_HANDLER ?? {});

/** The small default limit on every request, unless the route it reaches is marked with `uploadBody`. */
export const limitBodies = createMiddleware(async (c, next) => {
  // A GET or HEAD has no body (the server never reads one): asking for it would build the whole
  // Fetch Request that @hono/node-server otherwise never makes (~0.1 ms a request).
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  if (matchedRoutes(c).some((route) => isUploadLimit(route.handler))) return next();
  return defaultLimit(c, next);
});
