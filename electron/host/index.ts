/**
 * Composition root of the browser door (`npm run web`): builds the services once and serves the built
 * renderer plus the API on 127.0.0.1 with a token made for this run.
 *
 *   tsx electron/host/index.ts [--data-dir DIR] [--port N] [--no-default-book]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sourceMigrationsDir } from '../db/migrations-dir';
import { createServices } from '../services/create-services';
import { createServiceDispatcher } from '../services/handlers';
import { defaultDataDir } from '../services/paths';
import { APP_VERSION } from '../services/version';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-default-book': { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const services = createServices({
    dataDir,
    door: 'web',
    appVersion: APP_VERSION,
    migrationsDir: sourceMigrationsDir(),
  });
  if (!values['no-default-book']) {
    // The UI shows the welcome screen and the book switcher if this fails; the reason is printed here.
    services.books.openAtStartup((message) => console.error(`Could not open the last book: ${message}`));
  }
  const uploadDir = mkdtempSync(join(tmpdir(), 'feetrail-uploads-'));
  const host = await startHost({
    dispatch: createServiceDispatcher(services, {
      onInternalError: (name, error) => console.error(`[${name}]`, error),
    }),
    files: services.files,
    staticDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
    uploadDir,
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`FeeTrail 已启动，请在浏览器中打开 / FeeTrail is running, open: ${host.url}`);
  const stop = () => {
    void host.close().finally(() => {
      services.close();
      rmSync(uploadDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
