/**
 * What a browser downloads first (issue #11: the console's initial JavaScript ≤ 400 KB gzip): for
 * the console and the portal, builds them, then sums the gzip size of the scripts their index.html
 * loads (entry and modulepreload), and lists the chunks fetched later, largest first.
 * Usage: npm run bench:bundles [-- --no-build]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const root = new URL('../', import.meta.url).pathname;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

for (const app of ['console', 'portal']) {
  if (!values['no-build']) execFileSync('npm', ['run', 'build', '-w', `apps/${app}`], { cwd: root, stdio: 'ignore' });
  const dist = join(root, 'apps', app, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="[^"]*\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const scripts = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
  const sizes = new Map(scripts.map((name) => [name, gzipSize(join(dist, 'assets', name))]));
  const initialBytes = initial.reduce((total, name) => total + (sizes.get(name) ?? 0), 0);
  const later = scripts.filter((name) => !initial.includes(name)).sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  console.log(`${app}: initial JavaScript ${kb(initialBytes)} gzip (${initial.join(', ')})`);
  console.log(
    `  loaded when needed: ${later.length} chunks, largest ${later
      .slice(0, 3)
      .map((name) => `${name} ${kb(sizes.get(name)!)}`)
      .join(', ')}`,
  );
}
