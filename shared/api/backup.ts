import { z } from 'zod';
import { call } from './define';

export type BackupInfo = { name: string; size: number; createdAt: string; auto: boolean };

export const backupCalls = {
  /** Backups of the open book, newest first. */
  'backup:list': call<BackupInfo[]>()(z.object({}).strict()),
  /** Make a backup of the open book now (SQLite online backup: consistent while the book is open). */
  'backup:create': call<BackupInfo>()(z.object({}).strict()),
  /**
   * Replace the open book with one of its backups (by name from backup:list). The current state is
   * saved as a backup first, so the restore can be undone.
   */
  'backup:restore': call<{ savedCurrentAs: string | null }>()(
    z.object({ name: z.string().min(1).max(300) }).strict(),
  ),
};
