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
 * The Content-Security-Policy for our page. The built renderer's index.html carries the same policy in
 * a meta tag (file:// responses have no headers to add it to); this header version covers the dev
 * server and anything else served over http to the window. Styles allow inline because React and
 * recharts set style attributes; scripts never do.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  const dev = location.kind === 'dev';
  const devSocket = dev ? ` ${location.origin.replace(/^http:/, 'ws:')}` : '';
  const directives = [
    "default-src 'none'",
    `script-src 'self'${dev ? ` ${sha256Source(REACT_REFRESH_PREAMBLE)}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
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
