/**
 * The browser door: the same typed API as the desktop preload, over HTTP on 127.0.0.1 only.
 *
 * Guards, in order: the Host header must name this server (defeats DNS rebinding), any Origin header
 * must be this server's own (no CORS: no Access-Control-* header is ever sent), and every API request
 * must carry this run's random token. The static renderer itself is public (it holds no data).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../shared/result';
import { err } from '../../shared/result';
import type { Dispatch } from '../services/dispatch';
import type { FileRegistry } from '../services/file-registry';

export type HostOptions = {
  dispatch: Dispatch;
  files: FileRegistry;
  /** Built renderer (out/renderer). */
  staticDir: string;
  /** Where uploads are written; one folder per run. */
  uploadDir: string;
  port?: number;
  token?: string;
  maxUploadBytes?: number;
  maxJsonBytes?: number;
};

export type RunningHost = {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, result: Result<never>): void {
  sendJson(res, status, result);
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return url.searchParams.get('token');
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Strip anything path-like from an uploaded file's name. */
function safeFileName(name: string): string {
  const base = [...basename(name.replace(/\\/g, '/'))]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return base.length > 0 && base !== '.' && base !== '..' ? base.slice(0, 200) : 'upload';
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const maxUpload = options.maxUploadBytes ?? 512 * 1024 * 1024;
  const maxJson = options.maxJsonBytes ?? 8 * 1024 * 1024;
  const staticRoot = resolve(options.staticDir);
  mkdirSync(options.uploadDir, { recursive: true });
  let port = 0;

  const serveStatic = (res: ServerResponse, pathname: string): void => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const full = resolve(staticRoot, normalize(rel));
    if (full !== staticRoot && !full.startsWith(staticRoot + sep)) {
      res.writeHead(404).end();
      return;
    }
    const file = existsSync(full) && statSync(full).isFile() ? full : join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The UI is not built: run `npm run build`.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      refuse(res, 421, err('invalid_input', 'Unexpected Host header.'));
      return;
    }
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    ) {
      refuse(res, 403, err('invalid_input', 'Cross-origin requests are refused.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(res, url.pathname);
      return;
    }
    if (!tokenMatches(bearer(req, url), token)) {
      refuse(res, 401, err('invalid_input', 'Missing or wrong token.'));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
      const name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const body = await readBody(req, maxJson);
      if (body === null) {
        refuse(res, 413, err('file_too_large', 'Request too large.'));
        return;
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          refuse(res, 400, err('invalid_input', 'The request body is not JSON.'));
          return;
        }
      }
      sendJson(res, 200, await options.dispatch(name, input));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/upload') {
      const name = safeFileName(url.searchParams.get('name') ?? 'upload');
      const dir = join(options.uploadDir, randomBytes(8).toString('hex'));
      mkdirSync(dir, { recursive: true });
      const target = join(dir, name);
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > maxUpload) {
        refuse(res, 413, err('file_too_large', `${name} is larger than the upload limit.`, { file: name }));
        return;
      }
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxUpload) req.destroy();
      });
      try {
        await pipeline(req, createWriteStream(target));
      } catch {
        refuse(res, 413, err('file_too_large', `${name} could not be received.`, { file: name }));
        return;
      }
      sendJson(res, 200, { ok: true, value: options.files.register(target, name) });
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/api/download/')) {
      const id = decodeURIComponent(url.pathname.slice('/api/download/'.length));
      let entry;
      try {
        entry = options.files.resolve(id);
      } catch {
        refuse(res, 404, err('not_found', 'No such file.'));
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(entry.name)] ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
        'X-Content-Type-Options': 'nosniff',
      });
      createReadStream(entry.path).pipe(res);
      return;
    }
    refuse(res, 404, err('unknown_call', 'No such endpoint.'));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, err('internal', 'The host could not answer.'));
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
