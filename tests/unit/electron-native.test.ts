import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeModuleVersionOf } from '../../scripts/native-abi.mjs';

const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'electron-native.mjs');
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const electronAbi = Number(
  readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim(),
);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('reading the ABI of a compiled addon', () => {
  it("finds Node's NODE_MODULE_VERSION in the installed better-sqlite3", () => {
    expect(nodeModuleVersionOf(nodeBuild)).toBe(Number(process.versions.modules));
  });

  it('reads the number after the registration symbol, and nothing from lookalikes', () => {
    expect(
      nodeModuleVersionOf(Buffer.from('\0\0node_register_module_vX\0node_register_module_v145\0', 'latin1')),
    ).toBe(145);
    expect(nodeModuleVersionOf(Buffer.from('napi_register_module_v1', 'latin1'))).toBeNull();
  });

  it("Electron's ABI differs from Node's, so the Node build cannot serve the desktop app", () => {
    expect(electronAbi).toBeGreaterThan(0);
    expect(electronAbi).not.toBe(Number(process.versions.modules));
  });
});

describe('scripts/electron-native.mjs', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[], env: Record<string, string>) {
    const nativeDir = mkdtempSync(join(tmpdir(), 'feetrail-native-'));
    dirs.push(nativeDir);
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FEETRAIL_NATIVE_DIR: nativeDir, ...env },
      timeout: 50_000,
    });
    return { status: result.status, out: `${result.stdout}${result.stderr}` };
  }

  it('--check says the Electron build is missing, and exits 1 without building', () => {
    const { status, out } = run(['--check'], {});
    expect(status).toBe(1);
    expect(out).toContain(`for Electron ${electronVersion}`);
    expect(out).toContain('missing or stale');
  });

  it("ignores npm's nodedir, fails clearly when Electron's headers cannot be fetched, and leaves the Node build alone", () => {
    const before = sha256(nodeBuild);
    // Port 1 on loopback refuses at once: the same path as an offline machine, without waiting on DNS.
    const { status, out } = run([], {
      npm_config_nodedir: '/usr',
      FEETRAIL_ELECTRON_HEADERS_URL: 'http://127.0.0.1:1/headers',
    });
    expect(status).toBe(1);
    expect(out).toContain('FAILED: could not build better-sqlite3 for Electron');
    expect(out).toContain("could not download Electron's headers");
    expect(out).toContain('http://127.0.0.1:1/headers/');
    expect(out).toContain('What to do:');
    expect(sha256(nodeBuild)).toBe(before);
  });

  it('can be skipped explicitly, saying what that means', () => {
    const { status, out } = run([], { FEETRAIL_SKIP_ELECTRON_NATIVE: '1' });
    expect(status).toBe(0);
    expect(out).toContain('will refuse to start');
  });
});
