import type { FeeTrailBridge } from './contract';

declare global {
  /**
   * Set by electron/preload in the desktop app (`window.feetrail`); undefined in a browser, where the
   * renderer talks to electron/host over HTTP instead. A `var` so it reads as `window.feetrail` too.
   */
  var feetrail: FeeTrailBridge | undefined;
}

export {};
