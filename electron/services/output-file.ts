/** Where a file the app writes for the user goes, for every door. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileRef } from '../../shared/api/files';
import type { FileRegistry } from './file-registry';

/**
 * Writes to the save-dialog file `target` (desktop), else to a fresh temp file named `name` that the
 * browser host offers for download. Either way the written file comes back registered for reading.
 */
export async function writeOutput(
  files: FileRegistry,
  name: string,
  target: string | undefined,
  write: (out: string) => Promise<unknown>,
): Promise<{ file: FileRef }> {
  if (target !== undefined) {
    const entry = files.resolve(target, 'write');
    await write(entry.path);
    return { file: files.register(entry.path, entry.name) };
  }
  const out = join(mkdtempSync(join(tmpdir(), 'feetrail-out-')), name);
  await write(out);
  return { file: files.register(out, name) };
}
