import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API server at /console/ (same origin as /api, so the session cookie flows).
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // `npm run dev -w apps/console` against a running API on :3000.
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
