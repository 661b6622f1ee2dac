import { join } from 'node:path';

/** Where the desktop app finds its parts, in development (`npm start`) and once installed. */
export type AppPaths = {
  /** FeeTrail's data folder: books, recent list, config, backups. */
  dataDir: string;
  /** Chromium's own files (caches, local storage), kept out of the data folder. */
  sessionDataDir: string;
  migrationsDir: string;
  /** better-sqlite3 built for this Electron's ABI (see docs/NATIVE-MODULES.md). */
  nativeBinding: string;
  preload: string;
  indexHtml: string;
  /** Window icon for Linux; Windows and macOS take theirs from the executable. */
  icon: string;
};

export type AppPathsInput = {
  env: NodeJS.ProcessEnv;
  /** app.getPath('appData'): %APPDATA%, ~/.config, ~/Library/Application Support. */
  appData: string;
  isPackaged: boolean;
  /** app.getAppPath(): the repository root in development, app.asar once installed. */
  appPath: string;
  resourcesPath: string;
  electronVersion: string;
  /** The folder of the built main bundle (out/main). */
  mainDir: string;
};

/** The folder name inside the OS user-data folder; the CLI and browser host use the same one. */
export const DATA_FOLDER_NAME = 'FeeTrail';

/** Relative to the repository root: where scripts/electron-native.mjs puts its build. */
export function devNativeBindingPath(appPath: string, electronVersion: string): string {
  return join(
    appPath,
    '.native',
    `electron-${electronVersion}`,
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

export function appPaths(input: AppPathsInput): AppPaths {
  // FEETRAIL_DATA_DIR matches electron/services/paths.ts, so tests and the CLI can point every door
  // at one temporary folder.
  const dataDir = input.env['FEETRAIL_DATA_DIR'] || join(input.appData, DATA_FOLDER_NAME);
  return {
    dataDir,
    sessionDataDir: join(dataDir, 'chromium'),
    migrationsDir: input.isPackaged
      ? join(input.resourcesPath, 'migrations')
      : join(input.appPath, 'electron', 'db', 'migrations'),
    nativeBinding: input.isPackaged
      ? join(input.resourcesPath, 'native', 'better_sqlite3.node')
      : devNativeBindingPath(input.appPath, input.electronVersion),
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    indexHtml: join(input.mainDir, '..', 'renderer', 'index.html'),
    icon: input.isPackaged
      ? join(input.resourcesPath, 'icon.png')
      : join(input.appPath, 'resources', 'icon.png'),
  };
}
