import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/*/src/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts', 'db/src/**/*.test.ts', 'tools/*/src/**/*.test.ts'],
          testTimeout: 20000,
          env: { LOG_REQUESTS: 'false' },
          hookTimeout: 30000,
        },
      },
    ],
  },
});
