import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core machine one test file at a
    // time, while most files spend their time waiting for an `astro build` or Chromium they started.
    // One file per core keeps both cores busy (the suite's wall time fell by about half).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          // tests/bench-self-test/ needs an idle machine: `npm run bench -- --self-test` runs it.
          exclude: ['tests/integration/**', 'tests/browser/**', 'tests/bench-self-test/**'],
          // Some unit tests start Node, git or a config loader: 5 s (the default) timed them out
          // while builds ran beside them. A limit is a backstop for a hang, not a speed check.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-build.ts'],
          testTimeout: 240_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-build.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Browser files run beside the others, one per worker like them: with `fileParallelism:
          // false` Vitest queued them after every other file, one at a time, ~3 minutes on one core.
        },
      },
    ],
  },
});
