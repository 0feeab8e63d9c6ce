import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { migrateDatabase, openDatabase } from './connection.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const dirs: string[] = [];

/** Runs the CLI as `npm run cli` does, on `dataDir`. */
function runScript(script: string, args: string[], dataDir: string) {
  return run(join(ROOT, 'node_modules', '.bin', 'tsx'), [script, ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'em-cli-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cli', () => {
  it('prints the usage and fails when users:create misses --role', async () => {
    const result = await runScript(
      'db/src/cli.ts',
      ['users:create', '--email', 'agent2@demo.gouv.fr', '--password', 'Agent-Nord-2!'],
      dataDir(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage:');
    expect(result.stderr).toContain('--role');
  });

  it('creates the first admin of an empty database, who needs no préfecture, without echoing the password', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const argv = ['users:create', '--email', 'Admin@Prefecture.example', '--password', 'Premier-Admin-1!', '--role', 'admin'];
    expect(await runCli(argv, { DATA_DIR: dataDir() }, io)).toBe(0);
    expect(lines.join('\n')).toContain('admin@prefecture.example');
    expect(lines.join('\n')).toContain('national');
    expect(lines.join('\n')).not.toContain('Premier-Admin-1!');
  });
});

describe('db:vacuum', () => {
  it('gives the free pages of the database back to the disk and says by how much', async () => {
    const dir = dataDir();
    const db = openDatabase(dir);
    migrateDatabase(db);
    db.$client.exec(
      'CREATE TABLE filler (payload BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO filler SELECT randomblob(4000) FROM n',
    );
    db.$client.exec('DROP TABLE filler');
    expect(db.$client.pragma('freelist_count', { simple: true })).toBeGreaterThan(400);
    db.$client.close();

    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await runCli(['db:vacuum'], { DATA_DIR: dir }, io)).toBe(0);
    const [, before, after] = /: ([\d.]+) MiB → ([\d.]+) MiB/.exec(lines.join('\n'))!;
    expect(Number(before) - Number(after)).toBeGreaterThan(1.5);
    const reopened = openDatabase(dir);
    expect(reopened.$client.pragma('freelist_count', { simple: true })).toBe(0);
    reopened.$client.close();
  });
});
