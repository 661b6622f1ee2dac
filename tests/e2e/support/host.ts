/**
 * Starts the browser host (electron/host) for one test: a fresh data folder, a random port, and the
 * URL (with this run's token) parsed from what the host prints. Stopped and cleaned up afterwards.
 *
 * Runs `node --import tsx electron/host/index.ts` rather than `npx tsx …`: one process instead of
 * three (npx → tsx → node), so stopping it cannot leave an orphan host behind.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type RunningHost = {
  /** The page URL including `?token=…`, exactly as the host printed it. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Everything the host printed so far (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
};

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const URL_RE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9A-Za-z_-]+)/;

export type StartHostOptions = {
  /** Start without opening the last or default book, so the UI shows the welcome screen. */
  noDefaultBook?: boolean;
  startTimeoutMs?: number;
};

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolvePromise();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
  });
}

export async function startHost(options: StartHostOptions = {}): Promise<RunningHost> {
  if (!existsSync(join(REPO_ROOT, 'out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npx electron-vite build` before the e2e tests.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'feetrail-e2e-'));
  const args = ['--import', 'tsx', 'electron/host/index.ts', '--data-dir', dataDir, '--port', '0'];
  if (options.noDefaultBook === true) args.push('--no-default-book');
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');

  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 5_000);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The host printed no URL within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = (chunk: string) => {
      output += chunk;
      const match = URL_RE.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: string) => {
      output += chunk;
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${String(code ?? signal)}) before printing its URL:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    output: () => output,
    stop,
  };
}

/** Calls the host's API the way the renderer does (bearer token); throws if the call fails. */
export async function callHost(host: RunningHost, name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** Back to the welcome screen: no book open, nothing in the recent list (the files stay). */
export async function closeAllBooks(host: RunningHost): Promise<void> {
  await callHost(host, 'book:close', {});
  const recent = (await callHost(host, 'book:recent', {})) as { path: string }[];
  for (const book of recent) await callHost(host, 'book:forget', { path: book.path });
}
