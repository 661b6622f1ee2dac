import { pathToFileURL } from 'node:url';

/**
 * Where the window's page comes from: the built renderer on disk (`npm start`, the installed app) or
 * electron-vite's dev server (`npm run dev`). Every guard asks "is this URL our own page?" through
 * `isAppUrl`, so navigation, IPC senders and network requests agree on one answer.
 */
export type AppLocation = { kind: 'file'; indexHtml: string } | { kind: 'dev'; origin: string };

export function appLocationOf(env: NodeJS.ProcessEnv, indexHtml: string, isPackaged: boolean): AppLocation {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  // An installed app never follows the dev-server variable: someone could set it to point the
  // window (and its IPC bridge) at a page they control.
  if (!isPackaged && devUrl) {
    const url = new URL(devUrl);
    if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { kind: 'dev', origin: url.origin };
  }
  return { kind: 'file', indexHtml };
}

/** The URL the main window loads. */
export function appStartUrl(location: AppLocation): string {
  return location.kind === 'dev' ? `${location.origin}/` : pathToFileURL(location.indexHtml).href;
}

/**
 * True only for our own page: for the built app, exactly our index.html (any query or hash, as the
 * UI routes by hash); for the dev server, its origin. Anything unparsable is not ours.
 */
export function isAppUrl(location: AppLocation, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return url.origin === location.origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  return url.pathname === new URL(pathToFileURL(location.indexHtml).href).pathname;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * True for what our page may load: files of the built renderer (its folder), the dev server (http
 * and its hot-reload websocket), and in-memory data/blob URLs. Everything else is remote content.
 */
export function isAppResourceUrl(location: AppLocation, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true;
  if (location.kind === 'dev') {
    const dev = new URL(location.origin);
    return (url.protocol === 'http:' || url.protocol === 'ws:') && url.host === dev.host;
  }
  if (url.protocol !== 'file:' || url.host !== '') return false;
  const indexPath = new URL(pathToFileURL(location.indexHtml).href).pathname;
  const folder = indexPath.slice(0, indexPath.lastIndexOf('/') + 1);
  // Percent-decoded comparison would let `..%2f` through; URL already normalised the dot segments.
  return url.pathname.startsWith(folder);
}
