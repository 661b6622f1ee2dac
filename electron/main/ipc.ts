/**
 * The desktop door: one `ipcMain.handle` per call of the desktop contract, no more, no less. Every
 * request is checked twice before anything runs: the sender must be our own page in the top frame,
 * and the input must pass the call's zod schema (inside the dispatcher). Service calls go to the
 * services' dispatcher; the two dialog calls are answered here with native dialogs.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { DesktopCallName } from '../../shared/api/contract';
import { DESKTOP_CALL_NAMES, isServiceCall } from '../../shared/api/contract';
import { desktopCalls } from '../../shared/api/files';
import type { Result } from '../../shared/result';
import type { Dispatch, DispatchOptions, HandlerMap } from '../services/dispatch';
import { createDispatcher } from '../services/dispatch';
import type { AppLocation } from './app-url';
import { isAppUrl } from './app-url';

export type IpcRegistrar = Pick<IpcMain, 'handle'>;

export type DialogContract = typeof desktopCalls;

/** Dialog handlers for one request: they need the asking window to parent the dialog. */
export type DialogHandlersFor = (sender: WebContents) => HandlerMap<DialogContract>;

export type DesktopIpcOptions = {
  ipc: IpcRegistrar;
  location: AppLocation;
  /** The services' dispatcher, built once in the composition root. */
  services: Dispatch;
  dialogs: DialogHandlersFor;
  onRefused?: (channel: string, url: string) => void;
  onInternalError?: (name: string, error: unknown) => void;
};

/** Thrown (so the page's invoke rejects) when a page that is not FeeTrail calls: it gets no data. */
export class ForeignSenderError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the request did not come from FeeTrail's own page.`);
    this.name = 'ForeignSenderError';
  }
}

/**
 * Only the top frame of our own page may call. `senderFrame` is null when the frame navigated away
 * or was destroyed while the request was in flight: refuse then too.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  location: AppLocation,
): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  return frame.parent === null && isAppUrl(location, frame.url);
}

/** Registers the desktop contract's channels and returns their names (the tests compare them). */
export function registerDesktopIpc(options: DesktopIpcOptions): DesktopCallName[] {
  const registered: DesktopCallName[] = [];
  const dispatchOptions: DispatchOptions = options.onInternalError
    ? { onInternalError: options.onInternalError }
    : {};
  for (const channel of DESKTOP_CALL_NAMES) {
    options.ipc.handle(
      channel,
      async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
        if (!isTrustedSender(event, options.location)) {
          options.onRefused?.(channel, event.senderFrame?.url ?? '');
          throw new ForeignSenderError(channel);
        }
        if (isServiceCall(channel)) return options.services(channel, input);
        const dispatchDialog = createDispatcher(desktopCalls, options.dialogs(event.sender), dispatchOptions);
        return dispatchDialog(channel, input);
      },
    );
    registered.push(channel);
  }
  return registered;
}
