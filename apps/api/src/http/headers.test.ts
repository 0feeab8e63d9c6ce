import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import {
  addApplicant,
  addDepositedDossier,
  addPrefectures,
  addStaff,
  applicantLogin,
  createHarness,
  get,
  type Harness,
  login,
} from '../testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = createHarness();
  addPrefectures(h.db);
  await addStaff(h.db, 'agent@59.fr', 'agent', '59');
});
afterEach(() => h.close());

describe('security headers', () => {
  it('gives the pages a Content-Security-Policy that allows only their own scripts and framing by themselves', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'em-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Portail</title>');
    const app = createApp({
      db: h.db,
      store: h.store,
      now: h.clock.now,
      config: { publicUrl: 'http://localhost:3000', secureCookies: false, trustProxy: false, portalDist: dist },
    });
    const page = await app.request('/demande/justificatifs');
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves an uploaded file sandboxed, named in Content-Disposition, never cached', async () => {
    const applicant = await addApplicant(h.db, 'moi@x.fr');
    const { fileIds } = addDepositedDossier(h, '59', applicant.id, 'DIALLO');
    const usager = await applicantLogin(h, 'moi@x.fr');
    for (const [url, cookie] of [
      [`/api/files/${fileIds[0]}/content`, await login(h, 'agent@59.fr')],
      [`/api/usager/files/${fileIds[0]}/content`, usager],
    ] as const) {
      const response = await get(h, url, cookie);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toMatch(/^default-src 'none'; sandbox(;|$)/);
      expect(response.headers.get('content-disposition'), url).toMatch(/^inline; filename="justificatif_nationalite\.pdf"/);
      expect(response.headers.get('cache-control'), url).toContain('no-store');
    }
  });

  it('tells browsers and proxies to keep no API answer, successful or not', async () => {
    const agent = await login(h, 'agent@59.fr');
    for (const [url, cookie] of [
      ['/api/health', undefined],
      ['/api/dossiers', agent],
      ['/api/auth/me', agent],
      ['/api/dossiers', undefined],
      ['/api/nowhere', undefined],
    ] as const) {
      expect((await get(h, url, cookie)).headers.get('cache-control'), url).toBe('no-store');
    }
  });
});

describe('the origin check behind a TLS proxy', () => {
  it('compares the Origin with PUBLIC_URL, not with the http:// URL the proxy forwards', async () => {
    const app = createApp({
      db: h.db,
      store: h.store,
      now: h.clock.now,
      config: { publicUrl: 'https://titres.prefecture.example', secureCookies: true, trustProxy: 1 },
    });
    // The proxy speaks plain HTTP to the app: the request's own URL is http://titres.prefecture.example.
    const logout = (origin: string) =>
      app.request('http://titres.prefecture.example/api/auth/logout', { method: 'POST', headers: { Origin: origin } });
    expect((await logout('https://titres.prefecture.example')).status).toBe(204);
    const forged = await logout('http://titres.prefecture.example');
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ message: 'Requête refusée : elle ne vient pas de ce site.' });
    expect((await logout('https://evil.example')).status).toBe(403);
  });
});
