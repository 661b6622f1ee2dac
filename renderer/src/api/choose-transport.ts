import { createDesktopTransport, findDesktopBridge } from './desktop-transport';
import type { Transport } from './transport';
import { takeWebToken } from './web-token';
import { createWebTransport } from './web-transport';

export type TransportChoice = { ok: true; transport: Transport } | { ok: false; reason: 'no_token' };

/** Desktop when the preload put `window.feetrail` there; otherwise the browser host with its token. */
export function chooseTransport(): TransportChoice {
  const bridge = findDesktopBridge();
  if (bridge !== null) return { ok: true, transport: createDesktopTransport(bridge) };
  const token = takeWebToken();
  if (token === null) return { ok: false, reason: 'no_token' };
  return { ok: true, transport: createWebTransport(token) };
}
