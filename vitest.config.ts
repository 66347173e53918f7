import { defineConfig } from 'vitest/config';

const report = process.env['TILSYN_TEST_REPORT'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Storage tests create their own PostgreSQL databases; browser and CLI
    // tests start processes. Generous but finite timeouts keep CI honest.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // .ci/run asks for a machine-readable report to print the pass/fail count.
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
