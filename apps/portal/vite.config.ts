import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API server at / (same origin as /api/usager, so the session cookie flows);
// the server answers index.html for any unknown path (SPA fallback).
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev -w apps/portal` against a running API on :3000.
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
