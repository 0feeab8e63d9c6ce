import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@em/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complementRequested, countRows, createHarness, type Harness, ORIGIN, PDF_BYTES, send, uploadFile } from '../../testing/harness.js';
import { applicantWithDraft, uploadTo } from '../demande/testing.js';
import { cleanFileStore, STALE_TEMPORARY_MS } from './storage.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

let serial = 0;
/** A PDF whose content, hence stored name, is its own. */
const uniquePdf = () => new TextEncoder().encode(`%PDF-1.4\n% unique ${++serial} ${Math.random()}\n%%EOF\n`);
const stored = (sha256: string) => existsSync(join(h.dataDir, 'files', sha256));
const shaOf = (fileId: number) =>
  (h.db.$client.prepare('select lower(hex(sha256)) as sha256 from files where id = ?').get(fileId) as { sha256: string }).sha256;

describe('a removed file', () => {
  it('is deleted from the disk once the applicant removes it from their complements', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const file = await (await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, uniquePdf(), 'certificat-medical.pdf')).json();
    const sha256 = shaOf(file.id);
    expect(stored(sha256)).toBe(true);
    const removed = await h.app.request(`/api/usager/files/${file.id}`, { method: 'DELETE', headers: { Cookie: usager, Origin: ORIGIN } });
    expect(removed.status).toBe(204);
    expect(stored(sha256)).toBe(false);
  });

  it('keeps its content while another row still refers to it, and deletes it with the last one', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'brouillon@x.fr', 3);
    const bytes = uniquePdf();
    const first = await (await uploadTo(h, cookie, id, 'JUSTIFICATIF_IDENTITE', bytes)).json();
    const second = await (await uploadTo(h, cookie, id, 'JUSTIFICATIF_DOMICILE', bytes)).json();
    const sha256 = shaOf(first.id);
    expect(shaOf(second.id)).toBe(sha256);

    expect((await send(h, 'DELETE', `/api/usager/demandes/${id}/fichiers/${first.id}`, cookie)).status).toBe(204);
    expect(stored(sha256)).toBe(true);
    expect((await send(h, 'DELETE', `/api/usager/demandes/${id}/fichiers/${second.id}`, cookie)).status).toBe(204);
    expect(stored(sha256)).toBe(false);
  });

  it('goes with an abandoned draft, whose documents were never sent', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'brouillon@x.fr', 3);
    const file = await (await uploadTo(h, cookie, id, 'JUSTIFICATIF_IDENTITE', uniquePdf())).json();
    const sha256 = shaOf(file.id);
    expect((await send(h, 'POST', `/api/usager/demandes/${id}/abandon`, cookie)).status).toBe(200);
    expect(countRows(h, 'files f join pieces p on p.id = f.piece_id', 'p.dossier_id = ?', id)).toBe(0);
    expect(stored(sha256)).toBe(false);
  });
});

describe('the periodic cleanup of the file store', () => {
  it('removes content no row refers to and temporary files older than an hour, keeps the rest', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'depot@x.fr');
    expect((await send(h, 'POST', `/api/usager/demandes/${id}/depot`, cookie, { observations: '' })).status).toBe(200);
    const receipt = (h.db.$client.prepare('select receipt_sha256 as sha256 from dossiers where id = ?').get(id) as { sha256: string })
      .sha256;
    const referenced = h.db.$client.prepare('select distinct lower(hex(sha256)) as sha256 from files').all() as { sha256: string }[];
    const orphan = h.store.put(uniquePdf()).sha256;
    const folder = join(h.dataDir, 'files');
    const now = Date.now();
    writeFileSync(join(folder, '.tmp-ancien'), PDF_BYTES);
    utimesSync(join(folder, '.tmp-ancien'), new Date(now - 61 * 60_000), new Date(now - 61 * 60_000));
    writeFileSync(join(folder, '.tmp-en-cours'), PDF_BYTES);

    expect(await cleanFileStore(h, now)).toEqual({ unreferenced: 1, temporary: 1 });
    expect(stored(orphan)).toBe(false);
    expect(existsSync(join(folder, '.tmp-ancien'))).toBe(false);
    expect(existsSync(join(folder, '.tmp-en-cours'))).toBe(true);
    expect(stored(receipt)).toBe(true);
    for (const { sha256 } of referenced) expect(stored(sha256)).toBe(true);
    expect(await cleanFileStore(h, now)).toEqual({ unreferenced: 0, temporary: 0 });
  });

  it('checks between two starts only what this server stored since its last pass; the start checks everything', async () => {
    const mine = h.store.put(uniquePdf()).sha256;
    // Left by an earlier run of the server (a crash between the rename and the commit).
    const earlier = new FileStore(join(h.dataDir, 'files')).put(uniquePdf()).sha256;
    const periodic = () => cleanFileStore(h, Date.now(), STALE_TEMPORARY_MS, h.store.takeRecentlyAdopted());
    expect(await periodic()).toEqual({ unreferenced: 1, temporary: 0 });
    expect([stored(mine), stored(earlier)]).toEqual([false, true]);
    expect(await periodic()).toEqual({ unreferenced: 0, temporary: 0 });
    expect(await cleanFileStore(h, Date.now(), 0)).toEqual({ unreferenced: 1, temporary: 0 });
    expect(stored(earlier)).toBe(false);
  });
});
