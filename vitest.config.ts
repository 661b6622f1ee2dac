import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (one core left free) is a single worker on a 2-core machine, where the
    // crash-safety test's child processes (~4.5 min) would then run alone; beside it the other files
    // finish in the same time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
