import type { PlatformPath } from 'node:path';
import path from 'node:path';

const BOOK_EXTENSION = '.feetrail';

/**
 * The book a launch asks for: double-clicking a .feetrail file starts FeeTrail with its path among the
 * arguments (or, for a second launch, hands them to the running one). Flags are skipped; relative
 * paths are taken from the launching shell's folder. Only the last book argument counts.
 */
export function bookArgument(
  argv: readonly string[],
  workingDirectory: string,
  paths: Pick<PlatformPath, 'isAbsolute' | 'resolve'> = path,
): string | null {
  let found: string | null = null;
  // argv[0] is the executable; in development argv[1] is the app folder ("electron .").
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(BOOK_EXTENSION)) continue;
    found = paths.isAbsolute(arg) ? arg : paths.resolve(workingDirectory, arg);
  }
  return found;
}
