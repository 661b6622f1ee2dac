import type { DesktopCallName, FeeTrailBridge } from '../../shared/api/contract';
import { isDesktopCall } from '../../shared/api/contract';
import type { Result } from '../../shared/result';
import { err } from '../../shared/result';

/** Sends one request to the main process (ipcRenderer.invoke in the real preload). */
export type IpcSend = (channel: DesktopCallName, input: unknown) => Promise<unknown>;

/**
 * The object the page gets as `window.feetrail`: a single `invoke`, refusing any name outside the
 * desktop contract before it reaches IPC, so the page cannot use the bridge to reach other channels
 * (Electron's own, or any registered later by mistake). Failures come back as data, like every reply.
 */
export function createBridge(send: IpcSend): FeeTrailBridge {
  const invoke = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (typeof name !== 'string' || !isDesktopCall(name)) {
      return err('unknown_call', `Unknown call: ${String(name)}`, { name: String(name) });
    }
    try {
      return (await send(name, input)) as Result<unknown>;
    } catch {
      // The main process refused or failed before dispatching; the page gets no detail beyond that.
      return err(
        'internal',
        'Something went wrong inside FeeTrail. The book was not changed by this request.',
        { name },
      );
    }
  };
  return Object.freeze({ invoke: invoke as FeeTrailBridge['invoke'] });
}
