/**
 * The guards every FeeTrail page runs under. The page is our own code, but it shows text from files
 * the user imports (merchant names, bank summaries), so we assume that text may one day be hostile
 * and make sure it could neither leave the app, nor load anything remote, nor gain a permission.
 * Each function takes the narrow slice of Electron it touches, so tests drive it with fakes.
 */
import type { Session, WebContents } from 'electron';
import type { AppLocation } from './app-url';
import { isAppResourceUrl, isAppUrl } from './app-url';
import { contentSecurityPolicy } from './csp';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

/** Where refused attempts are reported (the main log); never shown to the page. */
export type GuardLog = (message: string, url: string) => void;

const silent: GuardLog = () => undefined;

/**
 * Navigation: the page may only ever be our own page. Links, form posts, redirects and frames that
 * try to go elsewhere are stopped. window.open is denied outright: FeeTrail has no link that needs a
 * browser, and opening URLs from imported text in the user's browser would be a way out.
 */
export function installContentsGuards(
  contents: GuardedContents,
  location: AppLocation,
  log: GuardLog = silent,
): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(location, event.url)) {
      event.preventDefault();
      log('navigation refused', event.url);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(location, event.url)) {
      event.preventDefault();
      log('frame navigation refused', event.url);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(location, event.url)) {
      event.preventDefault();
      log('redirect refused', event.url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused', '');
  });
  contents.setWindowOpenHandler((details) => {
    log('window.open refused', details.url);
    return { action: 'deny' };
  });
}

/**
 * Session-wide: every permission (camera, notifications, clipboard read, HID, …) is refused when asked
 * and reported as not granted when checked; requests for anything but our own page's files are
 * cancelled (no remote content, whatever the HTML says); http responses to the page carry the CSP.
 */
export function installSessionGuards(
  session: GuardedSession,
  location: AppLocation,
  log: GuardLog = silent,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission refused: ${permission}`, '');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppResourceUrl(location, details.url);
    if (!allowed) log('request cancelled', details.url);
    callback({ cancel: !allowed });
  });
  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    // Drop any policy the server sent (the dev server sends none) so ours is the one in force.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}
