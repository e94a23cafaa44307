import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@lxclint/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds the CLI bundle once for the tests that run it (test/cli/).
    globalSetup: ['test/cli/global-setup.ts'],
    // The JSON report feeds the one-line summary scripts/test-all.sh prints for CI.
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/vitest-report.json' },
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/**/*.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
});
