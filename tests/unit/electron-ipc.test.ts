import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppLocation } from '../../electron/main/app-url';
import type { DialogDeps } from '../../electron/main/dialogs';
import { createDialogHandlers, safeSuggestedName } from '../../electron/main/dialogs';
import type { DialogHandlersFor, IpcRegistrar } from '../../electron/main/ipc';
import { ForeignSenderError, registerDesktopIpc } from '../../electron/main/ipc';
import { mainMessages } from '../../electron/main/messages';
import { createServices } from '../../electron/services/create-services';
import { FileRegistry } from '../../electron/services/file-registry';
import type { HandlerMap } from '../../electron/services/dispatch';
import { createDispatcher } from '../../electron/services/dispatch';
import { createServiceDispatcher } from '../../electron/services/handlers';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import type { ServiceContract } from '../../shared/api/contract';
import { DESKTOP_CALL_NAMES, serviceContract } from '../../shared/api/contract';
import type { Result } from '../../shared/result';

const location: AppLocation = { kind: 'file', indexHtml: '/app/out/renderer/index.html' };
const APP = 'file:///app/out/renderer/index.html#/import';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Stands in for ipcMain: records each handle() and lets the test invoke as a given frame would. */
function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcRegistrar = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
  const invoke = async (
    channel: string,
    input: unknown,
    frame: { url: string; parent: unknown } | null = { url: APP, parent: null },
  ) => {
    const listener = handlers.get(channel);
    // What Electron does for a channel nobody registered: the renderer's invoke rejects.
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: frame, sender: {} as WebContents } as unknown as IpcMainInvokeEvent;
    return (await listener(event, input)) as Result<unknown>;
  };
  return { ipc, handlers, invoke };
}

/** Service handlers that record every call that reaches them. */
function spyServices() {
  const reached = vi.fn();
  const handlers = Object.fromEntries(
    Object.keys(serviceContract).map((name) => [
      name,
      (input: unknown) => {
        reached(name, input);
        return name === 'book:current' ? null : {};
      },
    ]),
  ) as unknown as HandlerMap<ServiceContract>;
  return { reached, dispatch: createDispatcher(serviceContract, handlers) };
}

function spyDialogs() {
  const reached = vi.fn();
  const dialogs: DialogHandlersFor = () => ({
    'dialog:openFiles': (input) => {
      reached('dialog:openFiles', input);
      return [];
    },
    'dialog:saveFile': (input) => {
      reached('dialog:saveFile', input);
      return null;
    },
  });
  return { reached, dialogs };
}

function wire() {
  const fake = fakeIpc();
  const services = spyServices();
  const dialogs = spyDialogs();
  const onRefused = vi.fn();
  const registered = registerDesktopIpc({
    ipc: fake.ipc,
    location,
    services: services.dispatch,
    dialogs: dialogs.dialogs,
    onRefused,
  });
  return { ...fake, services, dialogs, registered, onRefused };
}

describe('the desktop IPC door', () => {
  it('registers exactly the desktop contract: every call once, nothing else', () => {
    const { handlers, registered } = wire();
    expect([...handlers.keys()].sort()).toEqual([...DESKTOP_CALL_NAMES].sort());
    expect(registered.sort()).toEqual([...DESKTOP_CALL_NAMES].sort());
    expect(handlers.has('dialog:openFiles')).toBe(true);
    expect(handlers.has('dialog:saveFile')).toBe(true);
  });

  it('answers a valid service call through the services dispatcher', async () => {
    const { invoke, services } = wire();
    await expect(invoke('book:current', {})).resolves.toEqual({ ok: true, value: null });
    expect(services.reached).toHaveBeenCalledWith('book:current', {});
  });

  it('answers dialog calls itself, never through the services', async () => {
    const { invoke, services, dialogs } = wire();
    await expect(invoke('dialog:openFiles', { filter: 'spreadsheets', multiple: true })).resolves.toEqual({
      ok: true,
      value: [],
    });
    expect(dialogs.reached).toHaveBeenCalledWith('dialog:openFiles', {
      filter: 'spreadsheets',
      multiple: true,
    });
    expect(services.reached).not.toHaveBeenCalled();
  });

  it.each([
    ['book:create', { name: '../../etc/passwd' }],
    ['book:create', { name: '' }],
    ['book:open', { path: 42 }],
    ['book:open', { path: '/x.feetrail', extra: true }],
    ['app:info', { sneaky: 1 }],
    ['app:info', 'not an object'],
    ['dialog:openFiles', { filter: 'everything', multiple: true }],
    ['dialog:saveFile', { filter: 'pdf', suggestedName: 'x'.repeat(500) }],
  ])('an invalid %s request is refused before any handler runs', async (channel, input) => {
    const { invoke, services, dialogs } = wire();
    const result = await invoke(channel, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(services.reached).not.toHaveBeenCalled();
    expect(dialogs.reached).not.toHaveBeenCalled();
  });

  it('an unknown channel has no handler at all', async () => {
    const { invoke, services } = wire();
    await expect(invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow(/No handler registered/);
    await expect(invoke('__proto__', {})).rejects.toThrow(/No handler registered/);
    expect(services.reached).not.toHaveBeenCalled();
  });

  it.each([
    ['another site', { url: 'https://evil.example/', parent: null }],
    ['a subframe of our page', { url: APP, parent: {} }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a frame that is gone', null],
  ])('a request from %s is refused and reaches nothing', async (_who, frame) => {
    const { invoke, services, dialogs, onRefused } = wire();
    await expect(invoke('app:info', {}, frame)).rejects.toBeInstanceOf(ForeignSenderError);
    await expect(
      invoke('dialog:openFiles', { filter: 'books', multiple: false }, frame),
    ).rejects.toBeInstanceOf(ForeignSenderError);
    expect(services.reached).not.toHaveBeenCalled();
    expect(dialogs.reached).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledTimes(2);
  });
});

describe('the IPC door on real services', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('app:info reports the desktop door and the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'feetrail-ipc-'));
    dirs.push(dataDir);
    const services = createServices({
      dataDir,
      door: 'desktop',
      appVersion: '0.0.0-test',
      migrationsDir: sourceMigrationsDir(),
    });
    try {
      const fake = fakeIpc();
      registerDesktopIpc({
        ipc: fake.ipc,
        location,
        services: createServiceDispatcher(services),
        dialogs: spyDialogs().dialogs,
      });
      const result = await fake.invoke('app:info', {});
      expect(result).toMatchObject({ ok: true, value: { door: 'desktop', dataDir, version: '0.0.0-test' } });
    } finally {
      services.close();
    }
  });
});

describe('native dialogs', () => {
  const messages = mainMessages('zh-CN');

  function deps(picked: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
    const showOpenDialog = vi.fn(() =>
      Promise.resolve({ canceled: picked.canceled, filePaths: picked.filePaths ?? [] }),
    );
    const showSaveDialog = vi.fn(() =>
      Promise.resolve({ canceled: picked.canceled, filePath: picked.filePath ?? '' }),
    );
    const register = vi.fn((path: string, name?: string) => ({
      fileId: `id:${path}`,
      name: name ?? path,
      size: 1,
    }));
    const registerWrite = vi.fn((path: string, name?: string) => ({
      fileId: `w:${path}`,
      name: name ?? path,
      size: 0,
    }));
    const d: DialogDeps = {
      dialog: { showOpenDialog, showSaveDialog },
      files: { register, registerWrite },
      owner: null,
      messages,
      saveDir: '/home/li/Documents',
    };
    return { d, showOpenDialog, showSaveDialog, register, registerWrite };
  }

  it('picked files are registered and only their ids go back to the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feetrail-dialog-'));
    try {
      const picked = [join(dir, 'pos-2026-10.xlsx'), join(dir, 'bank.csv')];
      for (const path of picked) writeFileSync(path, 'abc');
      const registry = new FileRegistry();
      const { d } = deps({ canceled: false, filePaths: picked });
      d.files = registry;
      const refs = await createDialogHandlers(d)['dialog:openFiles']({
        filter: 'spreadsheets',
        multiple: true,
      });
      expect(refs.map((r) => [r.name, r.size])).toEqual([
        ['pos-2026-10.xlsx', 3],
        ['bank.csv', 3],
      ]);
      expect(JSON.stringify(refs)).not.toContain(dir);
      expect(refs.map((r) => registry.resolve(r.fileId).path)).toEqual(picked);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cancelled dialog registers nothing', async () => {
    const { d, register, registerWrite } = deps({ canceled: true });
    await expect(
      createDialogHandlers(d)['dialog:openFiles']({ filter: 'books', multiple: false }),
    ).resolves.toEqual([]);
    await expect(
      createDialogHandlers(d)['dialog:saveFile']({ filter: 'pdf', suggestedName: 'a' }),
    ).resolves.toBeNull();
    expect(register).not.toHaveBeenCalled();
    expect(registerWrite).not.toHaveBeenCalled();
  });

  it('the save dialog starts in Documents with a bare file name of the right kind', async () => {
    const { d, showSaveDialog, registerWrite } = deps({
      canceled: false,
      filePath: '/home/li/Documents/申诉材料.pdf',
    });
    const ref = await createDialogHandlers(d)['dialog:saveFile']({
      filter: 'pdf',
      suggestedName: '../../.ssh/申诉材料',
    });
    expect(ref).toEqual({ fileId: 'w:/home/li/Documents/申诉材料.pdf', name: '申诉材料.pdf', size: 0 });
    expect(registerWrite).toHaveBeenCalledOnce();
    const options = (showSaveDialog.mock.calls[0] as unknown[] | undefined)?.[0] as
      { defaultPath?: string } | undefined;
    expect(options?.defaultPath).toBe(join('/home/li/Documents', '申诉材料.pdf'));
  });

  it.each([
    ['月报', 'spreadsheets', '月报.xlsx'],
    ['月报.csv', 'spreadsheets', '月报.csv'],
    ['C:\\Windows\\system32\\x', 'pdf', 'x.pdf'],
    ['a:b*c?.zip', 'zip', 'a_b_c_.zip'],
    ['..', 'books', 'FeeTrail.feetrail'],
    ['', 'json', 'FeeTrail.json'],
  ] as const)('suggested name %j for %s becomes %j', (suggested, filter, expected) => {
    expect(safeSuggestedName(suggested, filter)).toBe(expected);
  });

  it('a file that vanished between picking and registering is reported, not swallowed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feetrail-dialog-'));
    try {
      writeFileSync(join(dir, 'a.csv'), 'x');
      const { d } = deps({ canceled: false, filePaths: [join(dir, 'missing.csv')] });
      d.files.register = vi.fn(() => {
        throw new Error('ENOENT');
      });
      await expect(
        createDialogHandlers(d)['dialog:openFiles']({ filter: 'spreadsheets', multiple: false }),
      ).rejects.toThrow('ENOENT');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
