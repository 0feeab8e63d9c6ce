import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// One fresh DATA_DIR per run, shared by the config's workers through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'em-e2e-'));
const port = Number(process.env.E2E_PORT ?? 3999);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // Exactly what a person runs: `npm start` builds the front ends, migrates, seeds and serves. Its output
    // goes to a file that the last scenario (9-logs) reads: one JSON line per request, nothing personal.
    command: `npm start > ${JSON.stringify(join(process.env.E2E_DATA_DIR, 'server.log'))}`,
    cwd: '..',
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { DATA_DIR: process.env.E2E_DATA_DIR, PORT: String(port), SEED_DOSSIERS: '30' },
  },
});
