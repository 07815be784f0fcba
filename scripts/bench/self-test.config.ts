/**
 * `npm run bench -- --self-test`: the tests of the benchmark harness itself (scripts/bench/measure.ts)
 * that read /proc while a child runs and compare CPU seconds. They need an idle machine, so they
 * live outside `npm test` (which must pass while builds run beside it) and run before a benchmark.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/bench-self-test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
