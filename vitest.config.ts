import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'sandbox/**/*.test.ts', 'contract/**/*.test.ts'],
          exclude: ['sandbox/conformance/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['sandbox/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
