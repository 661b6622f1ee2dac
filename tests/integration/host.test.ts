import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import type { RunningHost } from '../../electron/host/server';
import { startHost } from '../../electron/host/server';
import type { Services } from '../../electron/services/create-services';
import { createServices } from '../../electron/services/create-services';
import { createServiceDispatcher } from '../../electron/services/handlers';
import { useTempDir } from './support/temp';

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** A raw HTTP request, so the test can send any Host header it likes. */
function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser host', () => {
  const tempDir = useTempDir();
  let host: RunningHost | undefined;
  let services: Services | undefined;
  afterEach(async () => {
    await host?.close();
    services?.close();
  });

  async function start(): Promise<RunningHost> {
    const dir = tempDir();
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>FeeTrail</title>');
    services = createServices({
      dataDir: join(dir, 'data'),
      door: 'web',
      appVersion: '0.0.0-test',
      migrationsDir: sourceMigrationsDir(),
    });
    host = await startHost({
      dispatch: createServiceDispatcher(services),
      files: services.files,
      staticDir,
      uploadDir: join(dir, 'up'),
    });
    return host;
  }

  const call = (h: RunningHost, name: string, body: unknown, headers: Record<string, string> = {}) =>
    send(h.port, `/api/call/${name}`, {
      method: 'POST',
      headers: { Host: `127.0.0.1:${h.port}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only, with a fresh random token', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(h.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers a call that carries the token', async () => {
    const h = await start();
    const res = await call(h, 'book:create', { name: '小店' }, { Authorization: `Bearer ${h.token}` });
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.body) as { ok: boolean; value: { name: string } };
    expect(reply).toMatchObject({ ok: true, value: { name: '小店' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a request without the token, or with a wrong one, and creates nothing', async () => {
    const h = await start();
    const none = await call(h, 'book:create', { name: 'a' });
    expect(none.status).toBe(401);
    const wrong = await call(h, 'book:create', { name: 'a' }, { Authorization: `Bearer ${'0'.repeat(48)}` });
    expect(wrong.status).toBe(401);
    const recent = await call(h, 'book:recent', {}, { Authorization: `Bearer ${h.token}` });
    expect(JSON.parse(recent.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const h = await start();
    const res = await call(
      h,
      'app:info',
      {},
      { Host: `evil.example:${h.port}`, Authorization: `Bearer ${h.token}` },
    );
    expect(res.status).toBe(421);
  });

  it('refuses a cross-origin request even with the token', async () => {
    const h = await start();
    const res = await call(
      h,
      'app:info',
      {},
      { Origin: 'http://evil.example', Authorization: `Bearer ${h.token}` },
    );
    expect(res.status).toBe(403);
  });

  it('validates every request against the contract before a service sees it', async () => {
    const h = await start();
    const res = await call(
      h,
      'book:create',
      { name: '../../etc/passwd' },
      { Authorization: `Bearer ${h.token}` },
    );
    const reply = JSON.parse(res.body) as { ok: boolean; error: { code: string } };
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await call(
      h,
      'fs:readFile',
      { path: '/etc/passwd' },
      { Authorization: `Bearer ${h.token}` },
    );
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    const h = await start();
    const res = await send(h.port, '/../data/config.json', { headers: { Host: `127.0.0.1:${h.port}` } });
    expect(res.body).not.toContain('recentBooks');
  });
});
