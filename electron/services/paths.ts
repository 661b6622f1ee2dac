import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * FeeTrail's data folder, the same one the desktop app uses (Electron's userData for "FeeTrail"),
 * so the CLI and the browser host see the same default book and recent list.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env['FEETRAIL_DATA_DIR']) return env['FEETRAIL_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'FeeTrail');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'FeeTrail');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'FeeTrail');
}

export const DEFAULT_BOOK_FILE = '我的账本.feetrail';

export function booksDirOf(dataDir: string): string {
  return join(dataDir, 'books');
}

export function defaultBookPathOf(dataDir: string): string {
  return join(booksDirOf(dataDir), DEFAULT_BOOK_FILE);
}
