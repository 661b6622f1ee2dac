import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * In `npm run dev` the page comes from Vite's dev server, which needs an inline preamble script and
 * inline <style> tags that index.html's strict CSP meta forbids. The main process sends a dev policy
 * as a header instead (electron/main/csp.ts), so the meta is dropped in serve mode only; built files
 * keep it untouched.
 */
const devCspFromHeader: Plugin = {
  name: 'feetrail:dev-csp-from-header',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
};

/**
 * Three bundles: the main process (ESM, with the import worker as a second entry), the preload (CommonJS, so the window can keep `sandbox: true`),
 * and the renderer (React). Dependencies stay external in main (better-sqlite3 is native);
 * the preload bundles everything it needs because a sandboxed preload cannot `require` from node_modules.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The import worker thread (electron/services/import-worker-client.ts starts it by this name).
          'import-worker': resolve(import.meta.dirname, 'electron/services/import-worker.ts'),
        },
        // Shared chunks beside the entries, so `new URL('./import-worker.js', import.meta.url)` holds
        // from whichever file the client code lands in.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), devCspFromHeader],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
