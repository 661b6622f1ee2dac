import react from '@vitejs/plugin-react';
import type {
  Event,
  HandlerDetails,
  OnBeforeRequestListenerDetails,
  OnHeadersReceivedListenerDetails,
  WebContentsWillNavigateEventParams,
  WindowOpenHandlerResponse,
} from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppLocation } from '../../electron/main/app-url';
import { appLocationOf, isAppResourceUrl, isAppUrl } from '../../electron/main/app-url';
import { contentSecurityPolicy, REACT_REFRESH_PREAMBLE } from '../../electron/main/csp';
import type { GuardedContents, GuardedSession } from '../../electron/main/security';
import { installContentsGuards, installSessionGuards } from '../../electron/main/security';

const built: AppLocation = {
  kind: 'file',
  indexHtml: '/opt/FeeTrail/resources/app.asar/out/renderer/index.html',
};
const dev: AppLocation = { kind: 'dev', origin: 'http://localhost:5173' };
const APP = 'file:///opt/FeeTrail/resources/app.asar/out/renderer/index.html';

type Listener = (...args: unknown[]) => unknown;

/** Records what the guards install on a WebContents, so the test can fire the events itself. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() } as unknown as Event<WebContentsWillNavigateEventParams>;
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event);
    return event.preventDefault as ReturnType<typeof vi.fn>;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url } as HandlerDetails);
  };
  return { contents: contents as unknown as GuardedContents, listeners, fire, open };
}

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheck = (...args: unknown[]) => boolean;
type BeforeRequest = (
  details: OnBeforeRequestListenerDetails,
  callback: (r: { cancel?: boolean }) => void,
) => void;
type HeadersReceived = (
  details: OnHeadersReceivedListenerDetails,
  callback: (r: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

function fakeSession() {
  const installed: {
    request?: PermissionRequest;
    check?: PermissionCheck;
    device?: PermissionCheck;
    beforeRequest?: BeforeRequest;
    headers?: HeadersReceived;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: PermissionRequest) => (installed.request = h),
    setPermissionCheckHandler: (h: PermissionCheck) => (installed.check = h),
    setDevicePermissionHandler: (h: PermissionCheck) => (installed.device = h),
    webRequest: {
      onBeforeRequest: (h: BeforeRequest) => (installed.beforeRequest = h),
      onHeadersReceived: (h: HeadersReceived) => (installed.headers = h),
    },
  };
  const request = (url: string): boolean | undefined => {
    let cancel: boolean | undefined;
    installed.beforeRequest?.({ url } as OnBeforeRequestListenerDetails, (r) => (cancel = r.cancel));
    return cancel;
  };
  return { session: session as unknown as GuardedSession, installed, request };
}

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s to another site is prevented',
    (event) => {
      const { contents, fire } = fakeContents();
      installContentsGuards(contents, built);
      expect(fire(event, 'https://evil.example/phish')).toHaveBeenCalledOnce();
      expect(fire(event, 'file:///etc/passwd')).toHaveBeenCalledOnce();
      expect(
        fire(event, 'file:///opt/FeeTrail/resources/app.asar/out/renderer/other.html'),
      ).toHaveBeenCalledOnce();
      expect(fire(event, 'javascript:alert(1)')).toHaveBeenCalledOnce();
    },
  );

  it('navigation within our own page is allowed', () => {
    const { contents, fire } = fakeContents();
    installContentsGuards(contents, built);
    expect(fire('will-navigate', `${APP}#/import`)).not.toHaveBeenCalled();
    expect(fire('will-navigate', `${APP}?lang=en`)).not.toHaveBeenCalled();
  });

  it('in development only the dev server origin is ours', () => {
    const { contents, fire } = fakeContents();
    installContentsGuards(contents, dev);
    expect(fire('will-navigate', 'http://localhost:5173/#/bank')).not.toHaveBeenCalled();
    expect(fire('will-navigate', 'http://localhost:5174/')).toHaveBeenCalledOnce();
    expect(fire('will-navigate', 'http://127.0.0.1.evil.example:5173/')).toHaveBeenCalledOnce();
  });

  it('webviews are never attached', () => {
    const { contents, fire } = fakeContents();
    installContentsGuards(contents, built);
    expect(fire('will-attach-webview', APP)).toHaveBeenCalledOnce();
  });

  it('window.open is denied, for links to the web and to our own page alike', () => {
    const { contents, open } = fakeContents();
    const log = vi.fn();
    installContentsGuards(contents, built, log);
    expect(open('https://www.example.com/')).toEqual({ action: 'deny' });
    expect(open(APP)).toEqual({ action: 'deny' });
    expect(log).toHaveBeenCalledWith('window.open refused', 'https://www.example.com/');
  });
});

describe('session guards', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem'])(
    'a request for %s is refused',
    (permission) => {
      const { session, installed } = fakeSession();
      installSessionGuards(session, built);
      const callback = vi.fn();
      installed.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('permission checks and device access all answer no', () => {
    const { session, installed } = fakeSession();
    installSessionGuards(session, built);
    expect(installed.check?.(null, 'clipboard-read', 'file://', {})).toBe(false);
    expect(installed.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('remote content is cancelled; our own files, data and blob URLs load', () => {
    const { session, request } = fakeSession();
    installSessionGuards(session, built);
    expect(request('https://cdn.example.com/tracker.js')).toBe(true);
    expect(request('http://127.0.0.1:8080/')).toBe(true);
    expect(request('file:///C:/Users/li/Documents/secret.xlsx')).toBe(true);
    expect(request('file:///opt/FeeTrail/resources/app.asar/out/renderer/../../package.json')).toBe(true);
    expect(request(`${APP}`)).toBe(false);
    expect(request('file:///opt/FeeTrail/resources/app.asar/out/renderer/assets/index-abc.js')).toBe(false);
    expect(request('data:image/png;base64,AAAA')).toBe(false);
  });

  it('responses to the page carry our CSP, replacing any the server sent', () => {
    const { session, installed } = fakeSession();
    installSessionGuards(session, dev);
    let headers: Record<string, string | string[]> | undefined;
    installed.headers?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: {
          'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
          'Content-Type': ['text/html'],
        },
      } as unknown as OnHeadersReceivedListenerDetails,
      (r) => (headers = r.responseHeaders),
    );
    expect(headers?.['Content-Security-Policy']).toEqual([contentSecurityPolicy(dev)]);
    expect(headers?.['content-security-policy']).toBeUndefined();
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });
});

describe('content security policy', () => {
  const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';

  it.each([
    ['built', built],
    ['dev', dev],
  ] as const)('the %s policy allows no inline or eval script and no remote origin', (_name, location) => {
    const policy = contentSecurityPolicy(location);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(scriptSrc(policy)).not.toContain('unsafe-inline');
    expect(scriptSrc(policy)).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:\/\/(?!localhost:5173)/);
  });

  it('the built policy allows no inline styles either', () => {
    expect(contentSecurityPolicy(built)).toContain("style-src 'self';");
  });

  it('the dev policy admits React Refresh by hash of the exact preamble the plugin injects', () => {
    expect(REACT_REFRESH_PREAMBLE).toBe(react.preambleCode.replace('__BASE__', '/'));
    expect(scriptSrc(contentSecurityPolicy(dev))).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it("the renderer's index.html carries a CSP meta without inline or eval scripts", async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain("script-src 'self'");
    expect(scriptSrc(meta.replace(/;\s*/g, '; '))).not.toMatch(/unsafe-(inline|eval)/);
  });
});

describe('which URLs are our app', () => {
  it('an installed app ignores ELECTRON_RENDERER_URL', () => {
    expect(appLocationOf({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, '/x/index.html', true)).toEqual({
      kind: 'file',
      indexHtml: '/x/index.html',
    });
  });

  it('development accepts only a loopback http dev server', () => {
    expect(
      appLocationOf({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, '/x/index.html', false),
    ).toEqual(dev);
    expect(
      appLocationOf({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, '/x/index.html', false).kind,
    ).toBe('file');
  });

  it('unparsable and look-alike URLs are not ours', () => {
    expect(isAppUrl(built, 'not a url')).toBe(false);
    expect(isAppUrl(built, 'file://server/opt/FeeTrail/resources/app.asar/out/renderer/index.html')).toBe(
      false,
    );
    expect(isAppResourceUrl(dev, 'ws://localhost:5173/')).toBe(true);
    expect(isAppResourceUrl(dev, 'ws://localhost:5174/')).toBe(false);
  });
});

describe('file URLs are compared as paths', () => {
  const chinese: AppLocation = { kind: 'file', indexHtml: '/home/张三/FeeTrail/out/renderer/index.html' };

  it('a percent-encoded install folder (a Chinese user name) is still ours', () => {
    const encoded = 'file:///home/%E5%BC%A0%E4%B8%89/FeeTrail/out/renderer';
    expect(isAppUrl(chinese, `${encoded}/index.html#/`)).toBe(true);
    expect(isAppResourceUrl(chinese, `${encoded}/assets/index.js`)).toBe(true);
  });

  it('encoded slashes and dot segments cannot climb out of the renderer folder', () => {
    expect(
      isAppResourceUrl(built, 'file:///opt/FeeTrail/resources/app.asar/out/renderer/..%2f..%2fpackage.json'),
    ).toBe(false);
    expect(
      isAppResourceUrl(built, 'file:///opt/FeeTrail/resources/app.asar/out/renderer/%2e%2e/main/index.js'),
    ).toBe(false);
    expect(isAppResourceUrl(built, 'file:///opt/FeeTrail/resources/app.asar/out/renderer')).toBe(false);
    expect(isAppResourceUrl(built, 'file:///opt/FeeTrail/resources/app.asar/out/renderer-evil/x.js')).toBe(
      false,
    );
  });
});

describe('the dev server page', () => {
  it("drops index.html's CSP meta in serve mode only, so main's dev header is the one policy in force", async () => {
    const { readFile } = await import('node:fs/promises');
    const config = (await import('../../electron.vite.config')).default as {
      renderer?: { plugins?: unknown[] };
    };
    const plugin = (config.renderer?.plugins ?? []).find(
      (p): p is { name: string; apply: string; transformIndexHtml: (html: string) => string } =>
        typeof p === 'object' &&
        p !== null &&
        (p as { name?: string }).name === 'feetrail:dev-csp-from-header',
    );
    expect(plugin?.apply).toBe('serve');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(plugin?.transformIndexHtml(html)).not.toContain('Content-Security-Policy');
  });
});
