/**
 * The desktop app's composition root: the only module that wires Electron to FeeTrail. It resolves
 * paths, builds the services once, registers the IPC door, installs the guards and opens one window.
 * Everything it calls is a small typed function tested without Electron (tests/unit/electron-*).
 */
import { existsSync } from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { isFeeTrailError } from '../../shared/result';
import type { Services } from '../services/create-services';
import { createServices } from '../services/create-services';
import { createServiceDispatcher } from '../services/handlers';
import { appPaths } from './app-paths';
import { appLocationOf, appStartUrl } from './app-url';
import { bookArgument } from './book-argument';
import { createDialogHandlers } from './dialogs';
import { registerDesktopIpc } from './ipc';
import { menuTemplate } from './menu';
import { desktopPrinting } from './print';
import type { MainMessages } from './messages';
import { mainLocaleOf, mainMessages } from './messages';
import type { GuardLog } from './security';
import { installContentsGuards, installSessionGuards } from './security';
import { mainWindowOptions } from './window-options';

const WINDOW_TITLE = 'FeeTrail 手续费对账';

const paths = appPaths({
  env: process.env,
  appData: app.getPath('appData'),
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  electronVersion: process.versions.electron,
  mainDir: import.meta.dirname,
});
const location = appLocationOf(process.env, paths.indexHtml, app.isPackaged);
const logRefusal: GuardLog = (message, url) => console.warn(`[security] ${message}${url ? `: ${url}` : ''}`);

// Set before 'ready' (and before the lock, which lives in userData): the data folder is FeeTrail's,
// and Chromium's caches go to a subfolder of it so books and backups stay easy to find.
app.setPath('userData', paths.dataDir);
app.setPath('sessionData', paths.sessionDataDir);
// Every renderer sandboxed, whatever options a future window forgets to pass.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
/** A book the OS asked us to open before the services existed (macOS open-file, first launch). */
let pendingBook: string | null = bookArgument(process.argv, process.cwd());

if (!app.requestSingleInstanceLock()) {
  // Another FeeTrail is running: it receives our argv in 'second-instance' and opens the book there.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    const book = bookArgument(argv, workingDirectory);
    if (book !== null) openBookFromOs(book);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services === null) pendingBook = path;
    else openBookFromOs(path);
  });
  // Whatever else ever creates web contents (devtools aside) gets no popups and no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(mainMessages(mainLocaleOf(app.getLocale())), error));
}

function start(): void {
  const messages = mainMessages(mainLocaleOf(app.getLocale()));
  if (!existsSync(paths.nativeBinding)) {
    dialog.showErrorBox(messages.startup.title, messages.startup.nativeModuleMissing(paths.nativeBinding));
    app.exit(1);
    return;
  }
  const built = createServices({
    dataDir: paths.dataDir,
    door: 'desktop',
    appVersion: app.getVersion(),
    migrationsDir: paths.migrationsDir,
    nativeBinding: paths.nativeBinding,
    // Evidence packs and reports print through Electron's printToPDF (same margins and footer as the
    // CLI's Chromium); each PDF saved for the user opens in the system viewer, whose Print is the OS dialog.
    ...desktopPrinting(app.getPath('temp'), {
      refusal: logRefusal,
      error: (message) => logInternalError('open-pdf', message),
    }),
  });
  services = built;

  installSessionGuards(session.defaultSession, location, logRefusal);
  registerDesktopIpc({
    ipc: ipcMain,
    location,
    services: createServiceDispatcher(built, { onInternalError: logInternalError }),
    dialogs: (sender) =>
      createDialogHandlers({
        dialog,
        files: built.files,
        owner: BrowserWindow.fromWebContents(sender),
        messages,
        saveDir: app.getPath('documents'),
      }),
    onRefused: (channel, url) => logRefusal(`IPC ${channel} refused`, url),
    onInternalError: logInternalError,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        messages,
        platform: process.platform,
        isDev: !app.isPackaged,
        onAbout: () => showAbout(messages),
      }),
    ),
  );

  if (pendingBook !== null) {
    // Before the window loads, so the page's first `book:current` already sees it.
    openBookFromOs(pendingBook, { reload: false });
    pendingBook = null;
  } else {
    // `npm start` opens the book used last, or the default book in the user-data folder.
    built.books.openAtStartup((message) => logInternalError('open-startup-book', message));
  }
  mainWindow = createMainWindow(messages);
}

function createMainWindow(messages: MainMessages): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: paths.preload,
      title: WINDOW_TITLE,
      ...(process.platform === 'linux' ? { iconPath: paths.icon } : {}),
    }),
  );
  installContentsGuards(window.webContents, location, logRefusal);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(appStartUrl(location)).catch((error: unknown) => fail(messages, error));
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/**
 * A book the user opened from Explorer/Finder or the command line: the path comes from the OS, not
 * from the page, so it is opened directly and the page reloads to show it (the contract has no push
 * channel; a reload asks `book:current` afresh).
 */
function openBookFromOs(path: string, options: { reload: boolean } = { reload: true }): void {
  const current = services;
  if (current === null) {
    pendingBook = path;
    return;
  }
  try {
    current.books.openAt(path);
    if (options.reload) mainWindow?.webContents.reload();
  } catch (error) {
    const messages = mainMessages(mainLocaleOf(app.getLocale()));
    const reason = isFeeTrailError(error) ? error.message : String(error);
    if (!isFeeTrailError(error)) logInternalError('open-file', error);
    dialog.showErrorBox(messages.startup.title, `${path}\n\n${reason}`);
  }
}

function showAbout(messages: MainMessages): void {
  const options = {
    type: 'info' as const,
    title: messages.menu.about,
    message: WINDOW_TITLE,
    detail: messages.aboutDetail(app.getVersion()),
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => logInternalError('about', error));
}

function logInternalError(name: string, error: unknown): void {
  console.error(`[feetrail] ${name} failed`, error);
}

function fail(messages: MainMessages, error: unknown): void {
  logInternalError('startup', error);
  dialog.showErrorBox(
    messages.startup.title,
    messages.startup.failed(error instanceof Error ? error.message : String(error)),
  );
  app.exit(1);
}
