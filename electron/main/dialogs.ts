/**
 * The native open/save dialogs behind `dialog:openFiles` and `dialog:saveFile`. Every path the user
 * picks is registered with the services' file registry at once, and only its id goes back to the
 * page: the page can name no file the user did not choose here.
 */
import { basename, extname, join } from 'node:path';
import type {
  BaseWindow,
  Dialog,
  FileFilter as ElectronFileFilter,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import type { FileFilter, FileRef } from '../../shared/api/contract';
import type { HandlerMap } from '../services/dispatch';
import type { DialogContract } from './ipc';
import type { MainMessages } from './messages';

/** What the services' file registry offers (structurally FileRegistry): read picks and save targets. */
export type PickedFileRegistry = {
  register(path: string, name?: string): FileRef;
  registerWrite(path: string, name?: string): FileRef;
};

export type DialogDeps = {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  files: PickedFileRegistry;
  /** The window asking; dialogs are modal to it. Null when it is gone. */
  owner: BaseWindow | null;
  messages: MainMessages;
  /** Where a save dialog starts (the user's Documents folder). */
  saveDir: string;
};

const EXTENSIONS: Record<FileFilter, string[]> = {
  spreadsheets: ['xlsx', 'xls', 'csv'],
  books: ['feetrail'],
  json: ['json'],
  pdf: ['pdf'],
  zip: ['zip'],
};

export function dialogFilters(filter: FileFilter, messages: MainMessages): ElectronFileFilter[] {
  return [{ name: messages.filters[filter], extensions: EXTENSIONS[filter] }];
}

/**
 * A suggested name from the page becomes a bare file name: no folders, no characters Windows refuses,
 * and the filter's extension, so the page cannot steer the dialog to another folder.
 */
export function safeSuggestedName(suggested: string, filter: FileFilter): string {
  const extensions = EXTENSIONS[filter];
  const bare = [...basename(suggested.replace(/\\/g, '/'))]
    .map((c) => (c.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const stem = bare === '' ? 'FeeTrail' : bare;
  const extension = extname(stem).slice(1).toLowerCase();
  return extensions.includes(extension) ? stem : `${stem}.${extensions[0] ?? 'dat'}`;
}

export function createDialogHandlers(deps: DialogDeps): HandlerMap<DialogContract> {
  return {
    'dialog:openFiles': async (input) => {
      const options: OpenDialogOptions = {
        title: deps.messages.dialogs.openTitle,
        filters: dialogFilters(input.filter, deps.messages),
        properties: input.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const picked = deps.owner
        ? await deps.dialog.showOpenDialog(deps.owner, options)
        : await deps.dialog.showOpenDialog(options);
      if (picked.canceled) return [];
      return picked.filePaths.map((path) => deps.files.register(path, basename(path)));
    },
    'dialog:saveFile': async (input) => {
      const options: SaveDialogOptions = {
        title: deps.messages.dialogs.saveTitle,
        defaultPath: join(deps.saveDir, safeSuggestedName(input.suggestedName, input.filter)),
        filters: dialogFilters(input.filter, deps.messages),
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const picked = deps.owner
        ? await deps.dialog.showSaveDialog(deps.owner, options)
        : await deps.dialog.showSaveDialog(options);
      if (picked.canceled || picked.filePath === undefined || picked.filePath === '') return null;
      return deps.files.registerWrite(picked.filePath, basename(picked.filePath));
    },
  };
}
