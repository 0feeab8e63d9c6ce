import type { FileStore } from '@em/db';
import type { Context } from 'hono';

/**
 * What an uploaded file may do when opened: nothing. No script, no request, its own opaque
 * origin; only the console's pages may frame it.
 */
export const STORED_FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'self'";

/** Sends a stored file inline, under its sanitized name, with the type detected at upload. */
export function sendStoredFile(c: Context, store: FileStore, file: { sha256: string; detectedType: string; originalName: string }) {
  const content = store.read(file.sha256);
  const asciiName = file.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(content), 200, {
    'Content-Type': file.detectedType,
    'Content-Length': String(content.byteLength),
    'Content-Disposition': `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': STORED_FILE_CSP,
    'Cache-Control': 'private, no-store',
  });
}
