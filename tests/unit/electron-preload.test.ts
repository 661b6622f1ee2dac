import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeeTrailBridge } from '../../shared/api/contract';
import { DESKTOP_CALL_NAMES } from '../../shared/api/contract';

// A stand-in for Electron's preload API surface: it records what the preload exposes and sends.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, input: unknown) =>
    Promise.resolve({ ok: true, value: { channel, input } }),
  ),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: { invoke: electron.invoke },
}));

let bridge: FeeTrailBridge;

beforeAll(async () => {
  await import('../../electron/preload/index');
  bridge = electron.exposed.get('feetrail') as FeeTrailBridge;
});

describe('the preload', () => {
  it('exposes one object, window.feetrail, holding only invoke', () => {
    expect([...electron.exposed.keys()]).toEqual(['feetrail']);
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('does not hand the page ipcRenderer or anything from Node', () => {
    const exposed = [...electron.exposed.values()];
    for (const value of exposed) {
      expect(value).not.toHaveProperty('ipcRenderer');
      expect(value).not.toHaveProperty('send');
      expect(value).not.toHaveProperty('on');
      expect(value).not.toHaveProperty('require');
    }
  });

  it('passes contract calls to ipcRenderer.invoke on the channel of the same name', async () => {
    const result = await bridge.invoke('book:openDefault', {});
    expect(electron.invoke).toHaveBeenLastCalledWith('book:openDefault', {});
    expect(result).toEqual({ ok: true, value: { channel: 'book:openDefault', input: {} } });
  });

  it.each(DESKTOP_CALL_NAMES)('%s is allowed through', async (name) => {
    electron.invoke.mockClear();
    await bridge.invoke(name as 'app:info', {});
    expect(electron.invoke).toHaveBeenCalledOnce();
  });

  it.each([
    'fs:readFile',
    'book:delete',
    'ELECTRON_BROWSER_WINDOW_ALERT',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '',
  ])('a call outside the contract (%j) is refused without touching IPC', async (name) => {
    electron.invoke.mockClear();
    const invoke = bridge.invoke as unknown as (name: string, input: unknown) => Promise<unknown>;
    await expect(invoke(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('a name that is not even a string is refused', async () => {
    electron.invoke.mockClear();
    const invoke = bridge.invoke as unknown as (name: unknown, input: unknown) => Promise<unknown>;
    await expect(invoke({ toString: () => 'app:info' }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('a refusal by the main process comes back as data, with no detail from main', async () => {
    electron.invoke.mockRejectedValueOnce(new Error('Refused app:info: secret detail'));
    const result = await bridge.invoke('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
  });
});
