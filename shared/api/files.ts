import { z } from 'zod';
import { call } from './define';

/**
 * A file the user picked (desktop dialog) or uploaded (browser host). The renderer only ever holds
 * the id: services resolve it to a path, so the page can never name a path it was not given.
 */
export type FileRef = { fileId: string; name: string; size: number };

export type FileFilter = 'spreadsheets' | 'books' | 'json' | 'pdf' | 'zip';

/**
 * Calls only the desktop app has: they open native dialogs, so electron/main answers them itself.
 * The browser host uses uploads and downloads instead (see electron/host).
 */
export const desktopCalls = {
  'dialog:openFiles': call<FileRef[]>()(
    z.object({ filter: z.enum(['spreadsheets', 'books', 'json']), multiple: z.boolean() }).strict(),
  ),
  'dialog:saveFile': call<FileRef | null>()(
    z
      .object({
        filter: z.enum(['books', 'pdf', 'zip', 'spreadsheets', 'json']),
        suggestedName: z.string().max(200),
      })
      .strict(),
  ),
};
