import { defineConfig } from 'vitest/config';

/**
 * Four layers, each runnable alone (`npx vitest run --project api`): unit (small modules, no server),
 * api (a real server on 127.0.0.1 over a real database), e2e (Chromium), eval (the language judges
 * measured on their labelled sets, with floors).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests share one Chromium and servers bind ports: keep files in parallel but bounded for a 2-core box.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.{ts,tsx}',
            'server/**/*.test.ts',
            'shared/**/*.test.ts',
            'web/**/*.test.{ts,tsx}',
            'db/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'api', include: ['tests/api/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'eval', include: ['tests/eval/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
