import type { FeeTrailBridge } from '../../../shared/api/contract';
import type { Transport } from './transport';

/** The desktop app: the preload exposes one typed `invoke`; native dialogs pick and save files. */
export function createDesktopTransport(bridge: FeeTrailBridge): Transport {
  return {
    kind: 'desktop',
    invoke: bridge.invoke,
    pickFiles: (options) => bridge.invoke('dialog:openFiles', options),
    async saveFile(options) {
      const picked = await bridge.invoke('dialog:saveFile', options);
      if (!picked.ok) return picked;
      return {
        ok: true,
        value: picked.value === null ? { kind: 'cancelled' } : { kind: 'target', file: picked.value },
      };
    },
    download() {
      // The service already wrote the file where the user chose in the save dialog.
    },
  };
}

/** The bridge the preload put on `window`, if this page runs inside the desktop app. */
export function findDesktopBridge(): FeeTrailBridge | null {
  const candidate = (window as Window & { feetrail?: FeeTrailBridge }).feetrail;
  return candidate !== undefined && typeof candidate.invoke === 'function' ? candidate : null;
}
