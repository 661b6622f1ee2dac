/**
 * The composition root (electron/main/index.ts) run in Node against a stand-in for Electron's API
 * surface: it proves the wiring (paths, guards, IPC, window, opening books from the OS) without
 * launching Electron. The services behind it are the real ones, on a temporary data folder, using the
 * Node build of better-sqlite3 where the app would use its Electron build.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BookInfo } from '../../shared/api/contract';
import { DESKTOP_CALL_NAMES } from '../../shared/api/contract';
import type { Result } from '../../shared/result';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  // Set in beforeAll, before index.ts is imported and reads it.
  const state = { root: '' };
  const appEvents = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const paths = new Map<string, string>();
  const windows: {
    options: BrowserWindowConstructorOptions;
    loadURL: ReturnType<typeof vi.fn>;
    contents: {
      events: Map<string, Listener>;
      reload: ReturnType<typeof vi.fn>;
      openHandler: Listener | null;
    };
  }[] = [];
  const sessionGuards: string[] = [];

  class BrowserWindow {
    readonly webContents;
    readonly loadURL = vi.fn(() => Promise.resolve());
    constructor(options: BrowserWindowConstructorOptions) {
      const contents = {
        events: new Map<string, Listener>(),
        reload: vi.fn(),
        openHandler: null as Listener | null,
      };
      this.webContents = {
        on: (event: string, listener: Listener) => contents.events.set(event, listener),
        setWindowOpenHandler: (handler: Listener) => (contents.openHandler = handler),
        reload: contents.reload,
      };
      windows.push({ options, loadURL: this.loadURL, contents });
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    restore() {}
    show() {}
    focus() {}
    static fromWebContents() {
      return null;
    }
  }

  const app = {
    isPackaged: false,
    getAppPath: () => state.root,
    getPath: (name: string) => paths.get(name) ?? `${state.root}/${name}`,
    setPath: (name: string, value: string) => paths.set(name, value),
    getLocale: () => 'zh-CN',
    getVersion: () => '0.0.0-test',
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Listener) =>
      appEvents.set(event, [...(appEvents.get(event) ?? []), listener]),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const guard = (name: string) => () => sessionGuards.push(name);
  const session = {
    defaultSession: {
      setPermissionRequestHandler: guard('permission-request'),
      setPermissionCheckHandler: guard('permission-check'),
      setDevicePermissionHandler: guard('device-permission'),
      webRequest: { onBeforeRequest: guard('before-request'), onHeadersReceived: guard('headers-received') },
    },
  };
  return {
    state,
    appEvents,
    ipcHandlers,
    paths,
    windows,
    sessionGuards,
    module: {
      app,
      BrowserWindow,
      session,
      ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener) },
      dialog: {
        showErrorBox: vi.fn(),
        showOpenDialog: vi.fn(),
        showSaveDialog: vi.fn(),
        showMessageBox: vi.fn(),
      },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    },
  };
});

vi.mock('electron', () => fake.module);

const repo = join(import.meta.dirname, '..', '..');
let dataDir = '';
// Where index.ts's page lives when run from source: electron/main → ../renderer/index.html.
const pageUrl = pathToFileURL(join(repo, 'electron', 'renderer', 'index.html')).href;

async function invoke(channel: string, input: unknown, url = pageUrl): Promise<Result<unknown>> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = { senderFrame: { url, parent: null }, sender: {} } as unknown as IpcMainInvokeEvent;
  return (await handler(event, input)) as Result<unknown>;
}

function fireApp(event: string, ...args: unknown[]): void {
  for (const listener of fake.appEvents.get(event) ?? []) listener(...args);
}

beforeAll(async () => {
  fake.state.root = mkdtempSync(join(tmpdir(), 'feetrail-main-'));
  dataDir = join(fake.state.root, 'data');
  // The dev layout index.ts expects: the Electron build of better-sqlite3 beside node_modules (here a
  // copy of the Node build, which is what this Node can load) and the migrations folder.
  Object.defineProperty(process.versions, 'electron', { value: '41.7.1', configurable: true });
  const release = join(fake.state.root, '.native', 'electron-41.7.1', 'better-sqlite3', 'build', 'Release');
  mkdirSync(release, { recursive: true });
  copyFileSync(
    join(repo, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    join(release, 'better_sqlite3.node'),
  );
  mkdirSync(join(fake.state.root, 'electron', 'db'), { recursive: true });
  symlinkSync(
    join(repo, 'electron', 'db', 'migrations'),
    join(fake.state.root, 'electron', 'db', 'migrations'),
    'dir',
  );
  vi.stubEnv('FEETRAIL_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(() => {
  fireApp('will-quit');
  vi.unstubAllEnvs();
  // Nothing else in this worker may believe it runs inside Electron.
  Reflect.deleteProperty(process.versions, 'electron');
  rmSync(fake.state.root, { recursive: true, force: true });
});

describe('the desktop composition root', () => {
  it('keeps its data in the data folder and Chromium files in a subfolder of it', () => {
    expect(fake.paths.get('userData')).toBe(dataDir);
    expect(fake.paths.get('sessionData')).toBe(join(dataDir, 'chromium'));
    expect(fake.module.app.enableSandbox).toHaveBeenCalled();
  });

  it('registers exactly the desktop contract on ipcMain', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...DESKTOP_CALL_NAMES].sort());
  });

  it('installs the session guards before opening one hardened window on the built page', () => {
    expect(fake.sessionGuards).toEqual([
      'permission-request',
      'permission-check',
      'device-permission',
      'before-request',
      'headers-received',
    ]);
    const [window] = fake.windows;
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window?.options.webPreferences?.preload).toBe(join(repo, 'electron', 'preload', 'index.cjs'));
    expect(window?.loadURL).toHaveBeenCalledWith(pageUrl);
    expect([...(window?.contents.events.keys() ?? [])]).toEqual(
      expect.arrayContaining([
        'will-navigate',
        'will-frame-navigate',
        'will-redirect',
        'will-attach-webview',
      ]),
    );
    expect(window?.contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('answers the page through real services, on the desktop door', async () => {
    await expect(invoke('app:info', {})).resolves.toMatchObject({
      ok: true,
      value: { door: 'desktop', dataDir },
    });
  });

  it('refuses a page that is not ours', async () => {
    await expect(invoke('app:info', {}, 'https://evil.example/')).rejects.toThrow(
      /did not come from FeeTrail/,
    );
  });

  it('a second launch with a .feetrail file opens that book in the running app and reloads the page', async () => {
    const created = await invoke('book:create', { name: '小店' });
    expect(created.ok).toBe(true);
    const book = (created as { ok: true; value: BookInfo }).value;
    await invoke('book:close', {});
    expect(await invoke('book:current', {})).toEqual({ ok: true, value: null });

    fireApp('second-instance', {}, ['FeeTrail.exe', '--flag', book.path], fake.state.root);

    expect(await invoke('book:current', {})).toMatchObject({
      ok: true,
      value: { path: book.path, name: '小店' },
    });
    expect(fake.windows[0]?.contents.reload).toHaveBeenCalledOnce();
  });

  it('a book that cannot be opened is reported in a dialog, not thrown', () => {
    fireApp(
      'second-instance',
      {},
      ['FeeTrail.exe', join(fake.state.root, 'missing.feetrail')],
      fake.state.root,
    );
    expect(fake.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'FeeTrail 无法启动',
      expect.stringContaining('missing.feetrail'),
    );
  });
});
