import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run for minutes (child processes killed and reopened, the hostile corpus under memory
 * caps), longest first. A clean clone has no timings cached, so Vitest keeps the files' own order and
 * these started late: the crash-safety test then ran alone for the last ~2.5 minutes of CI.
 */
const LONG_FILES = ['tests/integration/crash-safety.test.ts', 'tests/integration/hostile-corpus.test.ts'];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = LONG_FILES.findIndex((p) => f.moduleId.replaceAll('\\', '/').endsWith(p));
      return i < 0 ? LONG_FILES.length : i;
    };
    // Array sort is stable: the others keep Vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: LongFilesFirst },
  },
});
