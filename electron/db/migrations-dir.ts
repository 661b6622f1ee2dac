import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The migrations folder when running from source (CLI through tsx, the browser host, tests).
 * The packaged desktop app ships the same folder as an extra resource and passes its own path.
 */
export function sourceMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

type Journal = { entries: { idx: number; tag: string }[] };

/** How many migrations this build knows: the schema version a fully migrated book has. */
export function knownSchemaVersion(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}
