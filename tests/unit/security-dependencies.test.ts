/**
 * The offline half of the dependency policy (docs/SECURITY.md): exact pins, a lockfile that installs
 * exactly them from the npm registry with an integrity hash each, SheetJS only through @e965/xlsx,
 * and install scripts in production dependencies only where reviewed. The online half (advisories)
 * is `npm run audit`, run by hand before a release: it needs the network, so it is not a unit test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Pkg = {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
type LockEntry = {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  hasInstallScript?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
type Lock = { lockfileVersion: number; packages: Record<string, LockEntry> };

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8')) as T;
const pkg = read<Pkg>('package.json');
const lock = read<Lock>('package-lock.json');
const direct = { ...pkg.dependencies, ...pkg.devDependencies };
const entries = Object.entries(lock.packages).filter(([path]) => path !== '');

/** Production packages allowed to run an install script, and why. */
const REVIEWED_INSTALL_SCRIPTS: Record<string, string> = {
  'node_modules/better-sqlite3': 'native addon: prebuilt download or node-gyp build (docs/NATIVE-MODULES.md)',
  'node_modules/esbuild': "tsx's compiler (the CLI runs from source): checks its platform binary",
};

describe('dependency policy (offline checks)', () => {
  it('every direct dependency is pinned to one exact version', () => {
    const ranged = Object.entries(direct).filter(([, v]) => !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v));
    expect(ranged).toEqual([]);
  });

  it('the lockfile records exactly the pinned versions', () => {
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[''];
    expect({ ...root?.dependencies, ...root?.devDependencies }).toEqual(direct);
    const drift = Object.entries(direct).filter(
      ([name, v]) => lock.packages[`node_modules/${name}`]?.version !== v,
    );
    expect(drift).toEqual([]);
  });

  it('every locked package comes from the npm registry with an integrity hash', () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter(([, e]) => !e.link && !e.integrity?.startsWith('sha512-')).map(([p]) => p)).toEqual(
      [],
    );
    expect(
      entries.filter(
        ([, e]) => e.resolved !== undefined && !e.resolved.startsWith('https://registry.npmjs.org/'),
      ),
    ).toEqual([]);
  });

  it('SheetJS comes only as @e965/xlsx (the npm `xlsx` package stopped at 0.18.5, with open advisories)', () => {
    expect(entries.map(([p]) => p).filter((p) => /(^|\/)node_modules\/xlsx$/.test(p))).toEqual([]);
    expect(pkg.dependencies['@e965/xlsx']).toMatch(/^0\.(2\d|[3-9]\d)\./);
  });

  it('production dependencies run install scripts only where reviewed', () => {
    const scripted = entries
      .filter(([, e]) => e.hasInstallScript && !e.dev && !e.devOptional)
      .map(([p]) => p)
      .sort();
    expect(scripted).toEqual(Object.keys(REVIEWED_INSTALL_SCRIPTS).sort());
  });

  it('`npm run audit` fails on high or critical advisories in production dependencies, outside `npm test`', () => {
    expect(pkg.scripts['audit']).toBe('npm audit --omit=dev --audit-level=high');
    expect(pkg.scripts['test']).not.toContain('audit');
  });
});
