#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron's ABI, beside the Node build in node_modules
// (which tests, the CLI and the browser host keep using). The desktop app passes the result to
// better-sqlite3 as `nativeBinding`. Run by `npm start` / `npm run dev`; see docs/NATIVE-MODULES.md.
//
//   node scripts/electron-native.mjs           build if missing or stale
//   node scripts/electron-native.mjs --check   report only; exit 0 when up to date
//   node scripts/electron-native.mjs --force   rebuild even when up to date
//
// Environment: FEETRAIL_ELECTRON_HEADERS_URL (a mirror of https://electronjs.org/headers),
// FEETRAIL_ELECTRON_NODEDIR (Electron headers already unpacked, for offline machines),
// FEETRAIL_SKIP_ELECTRON_NATIVE=1 (skip, e.g. to build the bundles only; the app will not start),
// FEETRAIL_NATIVE_DIR (where builds go instead of .native/, for tests).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeModuleVersionOf } from './native-abi.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const say = (line = '') => console.log(`[electron-native] ${line}`);
const DEFAULT_HEADERS_URL = 'https://electronjs.org/headers';

// npm passes its config to scripts as npm_config_* variables, and node-gyp lets those override its
// command line. A global `nodedir` (set on this machine to Node's headers) would silently build for
// Node's ABI, so only settings that cannot change the target survive.
const KEEP_NPM_CONFIG = new Set([
  'proxy',
  'https_proxy',
  'http_proxy',
  'noproxy',
  'cafile',
  'ca',
  'python',
  'msvs_version',
  'devdir',
  'jobs',
  'make',
]);

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function fail(lines) {
  for (const line of lines) say(line);
  process.exit(1);
}

function cleanEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    const npmKey =
      /^npm_config_(.+)$/i.exec(key)?.[1] ?? /^npm_package_config_node_gyp_(.+)$/i.exec(key)?.[1];
    if (npmKey !== undefined && !KEEP_NPM_CONFIG.has(npmKey.toLowerCase().replaceAll('-', '_'))) continue;
    out[key] = value;
  }
  return out;
}

function findNodeGyp() {
  const candidates = [
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // npm ships node-gyp: <prefix>/lib/node_modules/npm/node_modules/node-gyp (Linux, macOS) and
    // <prefix>/node_modules/npm/node_modules/node-gyp (Windows).
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Why node-gyp failed, in one line for the summary (the full output goes to a log file). */
function reasonOf(output) {
  const lines = output.split(/\r?\n/).map((l) => l.trim());
  const fetched = lines
    .map((l) => /^gyp http GET (\S+)/.exec(l)?.[1])
    .filter(Boolean)
    .at(-1);
  const network = lines.find((l) =>
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|unable to get local issuer|\b40[34]\b/i.test(
      l,
    ),
  );
  if (network || /network connectivity|install got an error/i.test(output)) {
    return {
      kind: 'download',
      line: `${fetched ?? 'the headers tarball'} could not be fetched${network ? ` (${network})` : ' (no network or a proxy in the way)'}`,
    };
  }
  const error = lines.find((l) => /^gyp ERR! stack Error:|error:/i.test(l));
  return { kind: 'build', line: error ?? lines.filter(Boolean).at(-1) ?? '(no output)' };
}

const electronDir = join(root, 'node_modules', 'electron');
const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
if (!existsSync(join(electronDir, 'package.json')) || !existsSync(join(sqliteDir, 'package.json'))) {
  fail([
    'node_modules/electron or node_modules/better-sqlite3 is missing.',
    'What to do: run `npm install` first.',
  ]);
}
const electronVersion = readJson(join(electronDir, 'package.json')).version;
const electronAbi = Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const buildRoot = join(
  process.env.FEETRAIL_NATIVE_DIR || join(root, '.native'),
  `electron-${electronVersion}`,
);
const target = join(buildRoot, 'better-sqlite3');
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const stampPath = join(buildRoot, 'stamp.json');
const wanted = {
  electron: electronVersion,
  abi: electronAbi,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch,
};
const shown = relative(root, binary).split(sep).join('/');

function upToDate() {
  if (!existsSync(binary) || !existsSync(stampPath)) return false;
  const stamp = readJson(stampPath);
  const same = Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  return same && nodeModuleVersionOf(binary) === electronAbi;
}

if (upToDate() && !args.has('--force')) {
  say(
    `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${electronAbi}) is up to date: ${shown}`,
  );
  process.exit(0);
}
if (args.has('--check')) {
  fail([
    `better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi}) is missing or stale: ${shown}`,
    'What to do: run `node scripts/electron-native.mjs` (npm start does it).',
  ]);
}
if (process.env.FEETRAIL_SKIP_ELECTRON_NATIVE === '1') {
  say(
    'Skipped (FEETRAIL_SKIP_ELECTRON_NATIVE=1). The desktop app will refuse to start until this build exists.',
  );
  process.exit(0);
}

const nodeGyp = findNodeGyp();
if (nodeGyp === null) {
  fail([
    'node-gyp was not found (neither in node_modules nor inside npm).',
    'What to do: `npm install`, or install node-gyp globally, then run `npm start` again.',
  ]);
}

const headersUrl = process.env.FEETRAIL_ELECTRON_HEADERS_URL || DEFAULT_HEADERS_URL;
const headersDir = process.env.FEETRAIL_ELECTRON_NODEDIR || '';
say(
  `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${electronAbi}, ${process.platform}-${process.arch}).`,
);
say(
  headersDir
    ? `Electron headers: ${headersDir}`
    : `Electron headers from ${headersUrl} (downloaded once, then cached by node-gyp).`,
);

// A fresh copy every time: node-gyp leaves the previous target's objects behind otherwise.
rmSync(buildRoot, { recursive: true, force: true });
mkdirSync(buildRoot, { recursive: true });
cpSync(sqliteDir, target, {
  recursive: true,
  filter: (path) => {
    const rel = relative(sqliteDir, path).split(sep);
    return rel[0] !== 'build' && rel[0] !== 'node_modules';
  },
});

const gypArgs = [
  nodeGyp,
  'rebuild',
  '--release',
  '--runtime=electron',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  `--dist-url=${headersUrl}`,
  ...(headersDir ? [`--nodedir=${headersDir}`] : []),
];
const run = spawnSync(process.execPath, gypArgs, {
  cwd: target,
  env: cleanEnv(process.env),
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  timeout: 20 * 60 * 1000,
});
const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
writeFileSync(join(buildRoot, 'node-gyp.log'), output);
const log = relative(root, join(buildRoot, 'node-gyp.log')).split(sep).join('/');

if (run.status !== 0 || !existsSync(binary)) {
  const reason = reasonOf(output);
  rmSync(target, { recursive: true, force: true });
  fail([
    `FAILED: could not build better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi}).`,
    reason.kind === 'download'
      ? `What happened: node-gyp could not download Electron's headers: ${reason.line}.`
      : `What happened: node-gyp failed: ${reason.line}`,
    `The full node-gyp output is in ${log}.`,
    'Nothing else changed: node_modules/better-sqlite3 (the Node build used by tests, the CLI and `npm run web`) is untouched.',
    reason.kind === 'download'
      ? 'What to do: connect to the internet and run `npm start` again; or set FEETRAIL_ELECTRON_HEADERS_URL to a mirror of the headers, or FEETRAIL_ELECTRON_NODEDIR to headers unpacked by hand.'
      : 'What to do: install a C++ toolchain (Windows: Visual Studio Build Tools with "Desktop development with C++"; Linux: build-essential, python3), then run `npm start` again.',
  ]);
}

const builtAbi = nodeModuleVersionOf(binary);
if (builtAbi !== electronAbi) {
  rmSync(target, { recursive: true, force: true });
  fail([
    `FAILED: node-gyp reported success, but the module it built is for NODE_MODULE_VERSION ${builtAbi ?? 'unknown'}, not Electron ${electronVersion}'s ${electronAbi}` +
      (builtAbi === Number(process.versions.modules)
        ? ` (it is Node ${process.versions.node}'s ABI: it was built against Node's headers).`
        : '.'),
    "What happened: node-gyp compiled against the wrong headers, usually because of a `nodedir` setting (npm config, or FEETRAIL_ELECTRON_NODEDIR pointing at Node's headers) or a stale node-gyp header cache.",
    'The wrong build was deleted so Electron never loads it. node_modules/better-sqlite3 is untouched.',
    `What to do: check \`npm config get nodedir\`, clear node-gyp's cache for ${electronVersion} (node-gyp remove ${electronVersion}), and run \`npm start\` again on a machine that can reach ${headersUrl}.`,
  ]);
}

writeFileSync(stampPath, `${JSON.stringify(wanted, null, 2)}\n`);
say(`Built ${shown} (ABI ${builtAbi}).`);
