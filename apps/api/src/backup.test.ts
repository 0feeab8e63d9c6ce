import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDataDir, FileStore, fileStorePath, migrateDatabase, openDatabase } from '@em/db';
import { runCli } from '@em/db/cli';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import {
  complementRequested,
  createHarness,
  type Harness,
  listUrl,
  login,
  ORIGIN,
  PDF_BYTES,
  send,
  uploadFile,
} from './testing/harness.js';

let h: Harness;
let folders: string[];
const folder = (name: string) => {
  const path = mkdtempSync(join(tmpdir(), `em-${name}-`));
  folders.push(path);
  return path;
};
beforeEach(() => {
  h = createHarness();
  folders = [];
});
afterEach(() => {
  h.close();
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

async function cli(dataDir: string, ...argv: string[]) {
  const out: string[] = [];
  const status = await runCli(argv, { DATA_DIR: dataDir }, { out: (line) => out.push(line), err: (line) => out.push(line) });
  return { status, output: out.join('\n') };
}

describe('backups', () => {
  it('backs up a running instance while it writes, restores it into a fresh folder, and reads a dossier and its files back', async () => {
    const { dossier, pieceIds, usager } = await complementRequested(h);
    const scan = new TextEncoder().encode('%PDF-1.4\nacte de naissance intégral\n%%EOF\n');
    expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, scan, 'acte.pdf')).status).toBe(201);

    const backupDir = join(folder('backup'), 'sauvegarde');
    // The instance keeps writing while the backup runs: an upload and the deposit of the complements.
    const [backup] = await Promise.all([
      cli(h.dataDir, 'db:backup', backupDir),
      (async () => {
        const late = new TextEncoder().encode('%PDF-1.4\ncopie intégrale\n%%EOF\n');
        expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, late, 'copie.pdf')).status).toBe(201);
        expect((await send(h, 'POST', '/api/usager/dossier/complements', usager)).status).toBe(200);
      })(),
    ]);
    expect(backup).toMatchObject({
      status: 0,
      output: expect.stringMatching(/^Backup of .* written to .*sauvegarde: database and \d+ files/),
    });
    expect(readdirSync(backupDir).sort()).toEqual(['etranger-malade.sqlite', 'files', 'manifest.json']);

    const restoredDir = join(folder('restored'), 'data');
    const restore = await cli(restoredDir, 'db:restore', backupDir);
    expect(restore).toMatchObject({ status: 0, output: expect.stringContaining('checksums and integrity_check ok') });

    // The restored folder serves the dossier, its files and their exact bytes.
    const db = openDatabase(restoredDir);
    migrateDatabase(db);
    const app = createApp({
      db,
      store: new FileStore(fileStorePath(restoredDir)),
      now: h.clock.now,
      config: { publicUrl: ORIGIN, secureCookies: false, trustProxy: false },
    });
    const restored = { ...h, app, db } as Harness;
    const agent = await login(restored, 'agent@59.fr');
    const shown = await app.request(`/api/dossiers/${dossier.id}`, { headers: { Cookie: agent } });
    expect(await shown.json()).toMatchObject({ numero: dossier.numero, birth_name: 'DIALLO' });
    const files = (await (
      await app.request(listUrl('files', { filter: { dossier_id: dossier.id } }), { headers: { Cookie: agent } })
    ).json()) as {
      id: number;
      original_name: string;
    }[];
    expect(files.map((file) => file.original_name)).toEqual(expect.arrayContaining(['justificatif_identite.pdf', 'acte.pdf']));
    for (const file of files) {
      const content = new Uint8Array(
        await (await app.request(`/api/files/${file.id}/content`, { headers: { Cookie: agent } })).arrayBuffer(),
      );
      const expected = file.original_name === 'acte.pdf' ? scan : file.original_name === 'copie.pdf' ? undefined : PDF_BYTES;
      if (expected) expect(content, file.original_name).toEqual(expected);
      else expect(new TextDecoder().decode(content)).toContain('copie intégrale');
    }
    db.$client.close();
  });

  it('takes a new snapshot when the server deletes a file the first one refers to, and refuses a store that lost a file', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const scan = new TextEncoder().encode('%PDF-1.4\nretiré pendant la sauvegarde\n%%EOF\n');
    const file = (await (await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, scan, 'retire.pdf')).json()) as { id: number };
    const { sha256 } = h.db.$client.prepare('select lower(hex(sha256)) as sha256 from files where id = ?').get(file.id) as {
      sha256: string;
    };
    let snapshots = 0;
    const backupDir = join(folder('backup'), 'sauvegarde');
    // Right after the first snapshot, the applicant removes the file and the server deletes its content.
    const manifest = await backupDataDir(h.dataDir, backupDir, new Date(), () => {
      if (++snapshots === 1) {
        h.db.$client.prepare('delete from files where id = ?').run(file.id);
        h.store.remove([sha256]);
      }
    });
    expect(snapshots).toBe(2);
    expect(manifest.files.map((entry) => entry.sha256)).not.toContain(sha256);
    expect((await cli(join(folder('restored'), 'data'), 'db:restore', backupDir)).status).toBe(0);

    // A file still referenced but gone from the store is damage, not a race: said, and nothing left behind.
    const [referenced] = h.db.$client.prepare('select lower(hex(sha256)) as sha256 from files limit 1').all() as { sha256: string }[];
    h.store.remove([referenced!.sha256]);
    const refusedDir = join(folder('backup'), 'sauvegarde');
    expect(await cli(h.dataDir, 'db:backup', refusedDir)).toMatchObject({
      status: 1,
      output: expect.stringContaining(`files/${referenced!.sha256} is referenced by`),
    });
    expect(readdirSync(refusedDir)).toEqual([]);
  });

  it('restores only into an empty folder, and nothing from a damaged backup', async () => {
    await complementRequested(h);
    const backupDir = join(folder('backup'), 'sauvegarde');
    expect((await cli(h.dataDir, 'db:backup', backupDir)).status).toBe(0);
    expect(await cli(h.dataDir, 'db:backup', backupDir)).toMatchObject({ status: 1, output: expect.stringContaining('is not empty') });

    expect(await cli(h.dataDir, 'db:restore', backupDir)).toMatchObject({ status: 1, output: expect.stringContaining('is not empty') });

    const [damaged] = readdirSync(join(backupDir, 'files'));
    writeFileSync(join(backupDir, 'files', damaged!), 'altéré');
    const target = join(folder('restored'), 'data');
    const refused = await cli(target, 'db:restore', backupDir);
    expect(refused).toMatchObject({ status: 1, output: expect.stringContaining(`files/${damaged}: checksum mismatch`) });
    expect(existsSync(target)).toBe(false);
  });

  it('names the folder it needs', async () => {
    expect(await cli(h.dataDir, 'db:backup')).toMatchObject({ status: 2, output: expect.stringContaining('db:backup needs one folder') });
  });
});
