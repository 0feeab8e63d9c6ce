/**
 * The `?suite=` target after login: only a path of this site (no scheme, no host, no `//`),
 * never the API. Anything else falls back to `fallback`.
 */
export function safeInternalPath(candidate: string | null, fallback: string): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return fallback;
  }
  try {
    const url = new URL(candidate, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api')) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** `/connexion?suite=/demande/justificatifs` (slashes kept readable). */
export function loginPathFor(target: string): string {
  return `/connexion?suite=${encodeURIComponent(target).replace(/%2F/gi, '/')}`;
}

export const stepPath = (step: number) => `/demande/etape/${step}`;
