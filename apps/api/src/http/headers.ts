import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The pages run no inline script; MUI and DSFR set inline styles, and DSFR draws some icons from
 * data: URIs. The console frames its own files (PDF viewer) and the e-mails' HTML (srcdoc).
 */
const PAGE_CSP = {
  defaultSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** On every answer; a stored file sets its own, stricter policy (features/files/content.ts), which `overwrite: false` keeps. */
export const securityHeaders = secureHeaders({
  crossOriginEmbedderPolicy: false,
  xFrameOptions: 'SAMEORIGIN',
  contentSecurityPolicy: PAGE_CSP,
  overwrite: false,
});

/** API answers hold personal data: no cache, shared or private, keeps them. */
export const noStore = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
});
