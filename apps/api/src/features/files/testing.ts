import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Harness, ORIGIN } from '../../testing/harness.js';

export const BOUNDARY = 'limite-de-test-7f3a';
const CHUNK = 64 * 1024;

/**
 * A multipart upload of `size` bytes starting with `head`, produced as the server reads it: `watch.read`
 * says how many bytes of the file it pulled.
 */
export function watchedUpload(head: Uint8Array, size: number, name = 'document.pdf') {
  const watch = { read: 0 };
  const encoder = new TextEncoder();
  const prefix = encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const suffix = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  let started = false;
  let ended = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        return controller.enqueue(prefix);
      }
      if (watch.read >= size) {
        if (!ended) controller.enqueue(suffix);
        ended = true;
        return controller.close();
      }
      const chunk = new Uint8Array(Math.min(CHUNK, size - watch.read));
      if (watch.read === 0) chunk.set(head.subarray(0, chunk.length));
      watch.read += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, watch };
}

export function postUpload(h: Harness, path: string, stream: ReadableStream<Uint8Array>, cookie?: string) {
  return h.app.request(path, {
    method: 'POST',
    body: stream,
    headers: { Origin: ORIGIN, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, ...(cookie ? { Cookie: cookie } : {}) },
    duplex: 'half',
  } as RequestInit);
}

/** Everything in the files folder (temporary files included) and every row of the files table. */
export function storeSnapshot(h: Harness) {
  return {
    folder: readdirSync(join(h.dataDir, 'files')).sort(),
    rows: h.db.$client.prepare('select * from files order by id').all(),
  };
}
