import { createHash } from 'node:crypto';
import type { AppLocation } from './app-url';

/**
 * The inline module script @vitejs/plugin-react puts into index.html in dev for React Fast Refresh.
 * Allowing it by hash keeps `unsafe-inline` out of script-src even in dev; a unit test checks that
 * this text still equals the plugin's own `preambleCode`, so an upgrade cannot silently break it.
 */
export const REACT_REFRESH_PREAMBLE = `import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);
window.$RefreshReg$ = () => {};
window.$RefreshSig$ = () => (type) => type;`;

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy for our page. The built renderer's index.html carries its policy in a
 * meta tag (file:// responses have no headers to add it to); this header covers the dev server, whose
 * index.html has the meta removed (electron.vite.config.ts) so that this policy alone is in force.
 * Dev only adds what Vite needs: the React Refresh preamble by hash, the HMR websocket, and inline
 * <style> elements (Vite injects CSS that way). React's style props go through CSSOM, which
 * style-src does not restrict, so the built app needs no inline styles.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  const dev = location.kind === 'dev';
  const devSocket = dev ? ` ${location.origin.replace(/^http:/, 'ws:')}` : '';
  const directives = [
    "default-src 'none'",
    `script-src 'self'${dev ? ` ${sha256Source(REACT_REFRESH_PREAMBLE)}` : ''}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${devSocket}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
