// The tests use two Debian programs: Chromium for the e2e tests (no test tool may download a browser
// of its own) and pdftotext (poppler-utils) to read the PDFs the API makes. Usage:
// node tools/ensure-debian-tools.mjs chromium pdftotext
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = {
  chromium: { path: '/usr/bin/chromium', packageName: 'chromium' },
  pdftotext: { path: '/usr/bin/pdftotext', packageName: 'poppler-utils' },
};

const missing = process.argv
  .slice(2)
  .map((name) => TOOLS[name])
  .filter((tool) => !existsSync(tool.path));
if (missing.length > 0) {
  const packages = missing.map((tool) => tool.packageName).join(' ');
  if (process.getuid?.() === 0) {
    console.log(`Absent : ${missing.map((tool) => tool.path).join(', ')}. Installation des paquets Debian « ${packages} »…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  } else {
    console.error(
      `Introuvable : ${missing.map((tool) => tool.path).join(', ')}. Installez-les en root : sudo apt-get install -y ${packages}`,
    );
    process.exit(1);
  }
}
