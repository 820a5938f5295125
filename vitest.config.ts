import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests share one Chromium and servers bind ports: keep files in parallel but bounded for a 2-core box.
    maxWorkers: 2,
  },
});
