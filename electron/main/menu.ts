import type { MenuItemConstructorOptions } from 'electron';
import type { MainMessages } from './messages';

export type MenuInput = {
  messages: MainMessages;
  platform: NodeJS.Platform;
  /** Reload and developer tools only in development: a user has no use for them. */
  isDev: boolean;
  onAbout: () => void;
};

/**
 * A minimal menu: quit, the edit roles (they give copy/paste their shortcuts on macOS and in
 * dialogs), zoom for small or large screens, and About. Everything else lives in the page.
 */
export function menuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const m = input.messages.menu;
  const view: MenuItemConstructorOptions[] = [
    ...(input.isDev
      ? ([
          { label: m.reload, role: 'reload' },
          { label: m.devTools, role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { label: m.resetZoom, role: 'resetZoom' },
    { label: m.zoomIn, role: 'zoomIn' },
    { label: m.zoomOut, role: 'zoomOut' },
    { type: 'separator' },
    { label: m.fullScreen, role: 'togglefullscreen' },
  ];
  return [
    // macOS puts the app's own menu first (About, Hide, Quit); elsewhere File holds Quit.
    ...(input.platform === 'darwin' ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    { label: m.file, submenu: [{ label: m.quit, role: 'quit' }] },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    { label: m.view, submenu: view },
    { label: m.help, role: 'help', submenu: [{ label: m.about, click: input.onAbout }] },
  ];
}
