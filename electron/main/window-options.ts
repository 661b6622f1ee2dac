import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowOptionsInput = {
  /** Absolute path of the CommonJS preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  title: string;
  /** The app icon for Linux window managers; Windows takes it from the .exe. */
  iconPath?: string;
};

/**
 * Small enough for a 1366×768 laptop once the taskbar and the window frame take their share
 * (about 728 px of usable height on Windows at 100 % scaling).
 */
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

/**
 * The main window's options: the page runs sandboxed, in its own JavaScript world, with no Node,
 * and reaches FeeTrail only through the preload's `window.feetrail.invoke`. Pure, so a unit test can
 * hold every flag in place without launching Electron.
 */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title,
    width: 1280,
    height: 760,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * The hidden window that prints evidence packs and reports: the same sandbox, no preload (it needs no
 * bridge) and no JavaScript at all, so a hostile merchant name or bank summary in the HTML stays text.
 */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      partition,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
