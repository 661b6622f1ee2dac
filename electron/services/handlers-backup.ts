/** Handlers for backup:* calls. */
import { basename } from 'node:path';
import type { backupCalls } from '../../shared/api/backup';
import { FeeTrailError } from '../../shared/result';
import { backupBook, listBackups, restoreBook } from './backup-service';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';

export function backupHandlers(s: Services): HandlerMap<typeof backupCalls> {
  const strip = (b: { name: string; size: number; createdAt: string; auto: boolean }) => ({
    name: b.name,
    size: b.size,
    createdAt: b.createdAt,
    auto: b.auto,
  });
  return {
    'backup:list': () => listBackups(s.books.require().path).map(strip),
    'backup:create': async () => strip(await backupBook(s.books.require(), 'manual')),
    'backup:restore': (input) => {
      const path = s.books.require().path;
      // Only a name from this book's own backups folder: the page never names a path.
      const found = listBackups(path).find((b) => b.name === basename(input.name));
      if (!found) throw new FeeTrailError('not_found', `No backup named ${input.name}.`);
      s.books.closeCurrent();
      try {
        return restoreBook(path, found.path);
      } finally {
        s.books.openAt(path);
      }
    },
  };
}
