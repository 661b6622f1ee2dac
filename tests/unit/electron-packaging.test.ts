import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devNativeBindingPath } from '../../electron/main/app-paths';
import { nodeModuleVersionOf } from '../../scripts/native-abi.mjs';

const root = join(import.meta.dirname, '..', '..');
const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;

describe('electron-builder.yml', () => {
  it('ships the Electron-ABI better-sqlite3 built for the installed Electron, where the app looks for it', () => {
    const shipped = /- from: (\.native\/\S+better_sqlite3\.node)\s+to: native\/better_sqlite3\.node/.exec(
      config,
    )?.[1];
    expect(shipped).toBe(
      devNativeBindingPath('.', electronVersion)
        .replace(/^\.[\\/]/, '')
        .replace(/\\/g, '/'),
    );
    expect(config).toMatch(/npmRebuild: false/);
  });

  it('ships the migrations as an extra resource', () => {
    expect(config).toMatch(/- from: electron\/db\/migrations\s+to: migrations/);
    expect(existsSync(join(root, 'electron/db/migrations/meta/_journal.json'))).toBe(true);
  });

  it('builds a per-user NSIS installer in Chinese and English, and an AppImage', () => {
    expect(config).toMatch(/perMachine: false/);
    expect(config).toMatch(/installerLanguages: \[zh_CN, en_US\]/);
    expect(config).toMatch(/deleteAppDataOnUninstall: false/);
    expect(config).toMatch(/target: \[nsis\]/);
    expect(config).toMatch(/target: \[AppImage\]/);
    expect(config).toMatch(/productName: FeeTrail/);
    expect(config).toMatch(/- ext: feetrail/);
  });

  it('names icons that exist and are real images', () => {
    const png = readFileSync(join(root, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    // Entry sizes: 0 in the width byte means 256 px, which Windows installers require.
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i]);
    expect(widths).toContain(0);
    expect(widths).toContain(16);
  });

  it('the Node build in node_modules is left for Node (tests, CLI, host)', () => {
    const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(nodeModuleVersionOf(nodeBuild)).toBe(Number(process.versions.modules));
  });
});
