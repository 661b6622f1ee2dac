/**
 * Files the user picked (desktop dialog) or uploaded (browser host), by id. The renderer only ever
 * holds ids, so it can reach no path the user did not choose.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef } from '../../shared/api/contract';
import { FeeTrailError } from '../../shared/result';

type Entry = FileRef & { path: string; purpose: 'read' | 'write' };

export class FileRegistry {
  private readonly entries = new Map<string, Entry>();

  /** Register a file the user picked or uploaded for reading. */
  register(path: string, name: string = basename(path)): FileRef {
    const size = statSync(path).size;
    return this.add({ path, name, size, purpose: 'read' });
  }

  /** Register a destination the user chose in a save dialog (the file may not exist yet). */
  registerWrite(path: string, name: string = basename(path)): FileRef {
    return this.add({ path, name, size: 0, purpose: 'write' });
  }

  private add(entry: Omit<Entry, 'fileId'>): FileRef {
    const fileId = randomUUID();
    this.entries.set(fileId, { ...entry, fileId });
    return { fileId, name: entry.name, size: entry.size };
  }

  resolve(fileId: string, purpose: 'read' | 'write' = 'read'): Entry {
    const entry = this.entries.get(fileId);
    if (!entry || entry.purpose !== purpose) {
      throw new FeeTrailError('not_found', 'That file is no longer available: please pick it again.', {
        fileId,
      });
    }
    return entry;
  }
}
