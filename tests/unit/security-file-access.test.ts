/**
 * "File access only to paths the user picked" (issue 8's hardening checklist), through the service
 * contract every door uses: the page names files by the ids the file registry handed out, never by
 * path. A path in place of an id, an id that was never issued, a save destination used for reading (or
 * the other way round) and a book outside the recent list are all refused, and nothing is read,
 * created or changed. A picked file, by its id, works (so the refusals are not a broken door).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { createServices, type Services } from '../../electron/services/create-services';
import { createServiceDispatcher } from '../../electron/services/handlers';
import type { Dispatch } from '../../electron/services/dispatch';

const CSV =
  '交易日期,交易时间,终端号,交易金额,手续费,参考号\n2026-08-01,09:00:00,T1,100.00,0.60,258000000001\n';

describe('file access only to paths the user picked', () => {
  let dir: string;
  let services: Services;
  let call: Dispatch;
  let secret: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feetrail-files-'));
    services = createServices({
      dataDir: join(dir, 'data'),
      door: 'desktop',
      appVersion: '0.0.0-test',
      migrationsDir: sourceMigrationsDir(),
    });
    call = createServiceDispatcher(services);
    // A file on disk that the user never picked.
    secret = join(dir, 'pos.csv');
    writeFileSync(secret, CSV);
    expect(await call('book:openDefault', {})).toMatchObject({ ok: true });
  });

  afterEach(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const errorCode = (r: unknown) => (r as { ok: boolean; error?: { code: string } }).error?.code;

  it('a picked file is read by its id (the door works)', async () => {
    const ref = services.files.register(secret);
    expect(ref).not.toHaveProperty('path');
    expect(await call('imports:preview', { fileId: ref.fileId })).toMatchObject({ ok: true });
  });

  it('a path where an id belongs reaches no file', async () => {
    expect(errorCode(await call('imports:preview', { fileId: secret }))).toBe('not_found');
    expect(errorCode(await call('imports:start', { fileId: secret }))).toBe('not_found');
    expect(errorCode(await call('templates:import', { fileId: secret }))).toBe('not_found');
    expect(errorCode(await call('book:open', { fileId: secret }))).toBe('not_found');
    expect((await call('imports:list', {})) as unknown).toEqual({ ok: true, value: [] });
  });

  it('a path field is not part of any file call: refused before a handler runs', async () => {
    expect(errorCode(await call('imports:preview', { path: secret }))).toBe('invalid_input');
    expect(
      errorCode(
        await call('imports:preview', {
          fileId: services.files.register(secret).fileId,
          path: '/etc/passwd',
        }),
      ),
    ).toBe('invalid_input');
    expect(errorCode(await call('templates:import', { path: secret }))).toBe('invalid_input');
  });

  it('an id is good only for what the user picked it for', async () => {
    const destination = join(dir, 'picked-for-saving.feetrail');
    const writeOnly = services.files.registerWrite(destination);
    const readOnly = services.files.register(secret);
    // A save-dialog destination cannot be read, and a file picked for reading cannot be overwritten.
    expect(errorCode(await call('imports:preview', { fileId: writeOnly.fileId }))).toBe('not_found');
    expect(errorCode(await call('book:create', { fileId: readOnly.fileId }))).toBe('not_found');
    expect(readFileSync(secret, 'utf8')).toBe(CSV);
    // The destination it was picked for works.
    expect(await call('book:create', { fileId: writeOnly.fileId })).toMatchObject({ ok: true });
  });

  it('the only path the page may send, a recent book, must be in the recent list', async () => {
    const elsewhere = join(dir, 'not-recent.feetrail');
    expect(errorCode(await call('book:open', { path: elsewhere }))).toBe('not_found');
    expect(errorCode(await call('book:open', { path: secret }))).toBe('not_found');
    expect(readdirSync(dir).sort()).toEqual(['data', 'pos.csv']);
    expect(readFileSync(secret, 'utf8')).toBe(CSV);
  });
});
