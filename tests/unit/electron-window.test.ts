import { describe, expect, it } from 'vitest';
import { appPaths } from '../../electron/main/app-paths';
import { MIN_WINDOW_SIZE, mainWindowOptions, printWindowOptions } from '../../electron/main/window-options';

const preloadPath = '/app/out/preload/index.cjs';

describe('the main window', () => {
  const options = mainWindowOptions({ preloadPath, title: 'FeeTrail 手续费对账' });
  const web = options.webPreferences ?? {};

  it('runs the page sandboxed, isolated from the preload, without Node', () => {
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews, insecure content and experimental features', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the CommonJS preload bundle the sandbox needs', () => {
    expect(web.preload).toBe(preloadPath);
    expect(web.preload?.endsWith('.cjs')).toBe(true);
  });

  it('fits a 1366×768 laptop screen', () => {
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(MIN_WINDOW_SIZE.width).toBeLessThanOrEqual(1366);
    // 768 minus a Windows taskbar (40 px) and a title bar with menu (about 60 px).
    expect(MIN_WINDOW_SIZE.height).toBeLessThanOrEqual(768 - 100);
  });

  it('waits until painted before showing', () => {
    expect(options.show).toBe(false);
  });
});

describe('the print window', () => {
  const web = printWindowOptions('feetrail-print').webPreferences ?? {};

  it('runs no JavaScript, has no preload and is sandboxed in its own session', () => {
    expect(web.javascript).toBe(false);
    expect(web.preload).toBeUndefined();
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.partition).toBe('feetrail-print');
    expect(web.partition?.startsWith('persist:')).toBe(false);
  });
});

describe('where the desktop app keeps things', () => {
  const base = {
    env: {},
    appData: '/home/li/.config',
    appPath: '/repo',
    resourcesPath: '/opt/FeeTrail/resources',
    electronVersion: '41.7.1',
    mainDir: '/repo/out/main',
  };

  it('keeps books in the OS user-data folder FeeTrail/, with Chromium files in a subfolder', () => {
    const paths = appPaths({ ...base, isPackaged: false });
    expect(paths.dataDir).toBe('/home/li/.config/FeeTrail');
    expect(paths.sessionDataDir).toBe('/home/li/.config/FeeTrail/chromium');
  });

  it('honours FEETRAIL_DATA_DIR like the CLI and the browser host', () => {
    expect(appPaths({ ...base, env: { FEETRAIL_DATA_DIR: '/tmp/x' }, isPackaged: false }).dataDir).toBe(
      '/tmp/x',
    );
  });

  it('uses the Electron-ABI better-sqlite3 build beside node_modules in development', () => {
    const paths = appPaths({ ...base, isPackaged: false });
    expect(paths.nativeBinding).toBe(
      '/repo/.native/electron-41.7.1/better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(paths.migrationsDir).toBe('/repo/electron/db/migrations');
    expect(paths.preload).toBe('/repo/out/preload/index.cjs');
    expect(paths.indexHtml).toBe('/repo/out/renderer/index.html');
  });

  it('uses the copies shipped as extra resources once installed', () => {
    const paths = appPaths({ ...base, isPackaged: true, appPath: '/opt/FeeTrail/resources/app.asar' });
    expect(paths.nativeBinding).toBe('/opt/FeeTrail/resources/native/better_sqlite3.node');
    expect(paths.migrationsDir).toBe('/opt/FeeTrail/resources/migrations');
  });
});
