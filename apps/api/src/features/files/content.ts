import type { FileStore } from '@em/db';
import type { Context } from 'hono';

/** Sends a stored file inline, under its sanitized name, with the type detected at upload. */
export function sendStoredFile(c: Context, store: FileStore, file: { sha256: string; detectedType: string; originalName: string }) {
  const content = store.read(file.sha256);
  const asciiName = file.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(content), 200, {
    'Content-Type': file.detectedType,
    'Content-Length': String(content.byteLength),
    'Content-Disposition': `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}
