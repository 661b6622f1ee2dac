import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  const url = parse(candidate);
  if (url === null) return false;
  if (location.kind === 'dev') return url.origin === location.origin;
  const path = localPathOf(url);
  return path !== null && relative(resolve(location.indexHtml), path) === '';
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * True for what our page may load: files of the built renderer (its folder), the dev server (http
 * and its hot-reload websocket), and in-memory data/blob URLs. Everything else is remote content.
 */
export function isAppResourceUrl(location: AppLocation, candidate: string): boolean {
  const url = parse(candidate);
  if (url === null) return false;
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true;
  if (location.kind === 'dev') {
    const dev = new URL(location.origin);
    return (url.protocol === 'http:' || url.protocol === 'ws:') && url.host === dev.host;
  }
  const path = localPathOf(url);
  if (path === null) return false;
  const inside = relative(dirname(resolve(location.indexHtml)), path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function parse(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * A file URL as a local path, compared as paths rather than as text: Windows paths differ in case, and
 * install folders under a Chinese user name arrive percent-encoded. fileURLToPath refuses encoded
 * slashes, so `..%2f` cannot climb out of the folder; host-named (UNC) URLs are never ours.
 */
function localPathOf(url: URL): string | null {
  if (url.protocol !== 'file:' || url.host !== '') return null;
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}
