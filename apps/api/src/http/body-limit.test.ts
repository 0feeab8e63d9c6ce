import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addPrefectures,
  addStaff,
  complementRequested,
  createHarness,
  type Harness,
  ORIGIN,
  PDF_BYTES,
  uploadFile,
} from '../testing/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

/** A body that counts what the server reads of it. */
function watchedBody(bytes: number) {
  const watch = { read: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (watch.read >= bytes) return controller.close();
      watch.read += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, watch };
}

function post(path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  return h.app.request(path, { method: 'POST', body, headers: { Origin: ORIGIN, ...headers }, duplex: 'half' } as RequestInit);
}

describe('request bodies', () => {
  it('refuses a large declared body from its Content-Length, before reading it, wherever it goes', async () => {
    for (const path of ['/api/nowhere', '/api/auth/login', '/api/usager/auth/login', '/']) {
      const { stream, watch } = watchedBody(80 * 1024 * 1024);
      const response = await post(path, stream, { 'Content-Type': 'application/json', 'Content-Length': String(80 * 1024 * 1024) });
      expect(response.status, path).toBe(413);
      expect(await response.json()).toEqual({ message: 'Requête trop volumineuse.' });
      expect(watch.read, path).toBeLessThanOrEqual(64 * 1024);
    }
  });

  it('stops reading a body sent without Content-Length at 64 KB', async () => {
    const { stream, watch } = watchedBody(10 * 1024 * 1024);
    const response = await post('/api/auth/login', stream, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(413);
    expect(watch.read).toBeLessThanOrEqual(256 * 1024);
  });

  it('lets a JSON body under the limit through', async () => {
    addPrefectures(h.db);
    await addStaff(h.db, 'agent@59.fr', 'agent', '59');
    const body = JSON.stringify({ email: 'agent@59.fr', password: 'x', padding: 'y'.repeat(60 * 1024) });
    const response = await post('/api/auth/login', body, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
    expect(response.status).toBe(401);
  });

  describe('on the upload route', () => {
    it('reads nothing of an anonymous upload', async () => {
      const { stream, watch } = watchedBody(8 * 1024 * 1024);
      const response = await post('/api/usager/pieces/1/files', stream, { 'Content-Type': 'multipart/form-data; boundary=x' });
      expect(response.status).toBe(401);
      expect(watch.read).toBeLessThanOrEqual(64 * 1024);
    });

    it('accepts a file of several megabytes from the applicant, and refuses more than 10 Mo from the Content-Length', async () => {
      const { pieceIds, usager } = await complementRequested(h);
      const big = new Uint8Array(3 * 1024 * 1024);
      big.set(PDF_BYTES);
      expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, big, 'acte.pdf')).status).toBe(201);

      const { stream, watch } = watchedBody(20 * 1024 * 1024);
      const refused = await post(`/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`, stream, {
        Cookie: usager,
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(20 * 1024 * 1024),
      });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({ message: 'Le fichier dépasse 10 Mo.' });
      expect(watch.read).toBeLessThanOrEqual(64 * 1024);
    });
  });
});
