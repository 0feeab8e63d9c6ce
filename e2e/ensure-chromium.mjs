// The e2e tests drive Debian's Chromium; no test tool may download a browser of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium absent : installation du paquet Debian « chromium »…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`Chromium introuvable (${CHROMIUM}). Installez-le en root : sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
