import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

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
