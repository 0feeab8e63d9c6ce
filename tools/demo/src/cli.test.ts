import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@em/db/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { runDemoCli } from './cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'em-demo-cli-'));
  dirs.push(dir);
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

describe('demo cli', () => {
  it('refuses to seed a database that is not empty', async () => {
    const env = { DATA_DIR: dataDir() };
    const admin = ['users:create', '--email', 'admin2@demo.gouv.fr', '--password', 'Admin-National-2!', '--role', 'admin'];
    expect(await runCli(admin, env, capture().io)).toBe(0);
    const seed = capture();
    expect(await runDemoCli(['seed', '--dossiers', '5'], env, seed.io)).toBe(1);
    expect(seed.err.join('\n')).toContain('not empty');
  });

  it('seeds an empty database and says how many dossiers and documents it loaded', async () => {
    const seed = capture();
    expect(await runDemoCli(['seed', '--dossiers', '3'], { DATA_DIR: dataDir() }, seed.io)).toBe(0);
    expect(seed.out.at(-1)).toMatch(/4 dossiers, \d+ distinct documents/);
  });

  it('prints the usage on a bad --dossiers', async () => {
    const seed = capture();
    expect(await runDemoCli(['seed', '--dossiers', 'many'], { DATA_DIR: dataDir() }, seed.io)).toBe(2);
    expect(seed.err.join('\n')).toContain('Usage: npm run demo -- seed');
  });
});
