import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/create-services';
import { createServiceDispatcher } from '../../electron/services/handlers';
import type { ApiOutput } from '../../shared/api/contract';
import type { ImportPreview, MappingTemplateInfo } from '../../shared/api/imports';
import { SAMPLES, bookCounts, servicesOnNewBook } from './support/book';
import { useTempDir } from './support/temp';

const POS = join(SAMPLES, 'example-2026-08', 'pos_export.xlsx');

/** Services on a fresh book, as the desktop app and the host have them. */
function servicesIn(dir: string): { s: Services; call: ReturnType<typeof createServiceDispatcher> } {
  const s = servicesOnNewBook(dir);
  return { s, call: createServiceDispatcher(s) };
}

async function previewOf(call: ReturnType<typeof createServiceDispatcher>, fileId: string) {
  const r = await call('imports:preview', { fileId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ImportPreview;
}

describe('mapping templates shared as JSON files', () => {
  const tempDir = useTempDir();

  it('a template file the user picked is imported, listed, recognised by the next preview, exported and deleted', async () => {
    const dir = tempDir();
    const { s, call } = servicesIn(dir);
    try {
      const pos = s.files.register(POS);
      const first = await previewOf(call, pos.fileId);
      expect(first.template).toBeNull();
      const mapping = first.mapping;
      expect(mapping?.kind).toBe('pos');

      // A colleague's template: the detected mapping without the original ref no. column.
      const fields = { ...(mapping?.fields as Record<string, number>) };
      delete fields['origRefNo'];
      const shared = join(dir, '拉卡拉交易明细.json');
      writeFileSync(
        shared,
        `\uFEFF${JSON.stringify({ name: '拉卡拉交易明细', mapping: { ...mapping, fields } })}`,
      );
      const imported = await call('templates:import', { fileId: s.files.register(shared).fileId });
      expect(imported).toMatchObject({ ok: true, value: { name: '拉卡拉交易明细', kind: 'pos' } });
      const info = (imported.ok ? imported.value : null) as MappingTemplateInfo;
      expect(info.headers).toEqual(mapping?.headers);
      expect(info.headerSignature).toBe(mapping?.signature);
      expect(info.lastUsedAt).toBeNull();

      const list = await call('templates:list', {});
      expect(list).toMatchObject({ ok: true, value: [{ id: info.id, name: '拉卡拉交易明细' }] });

      // The same layout is recognised next time, with the template's mapping.
      const again = await previewOf(call, s.files.register(POS).fileId);
      expect(again.template).toEqual({ id: info.id, name: '拉卡拉交易明细' });
      expect(again.mapping?.fields).not.toHaveProperty('origRefNo');

      // Export without a target: a file the browser downloads, holding the same JSON.
      const exported = await call('templates:export', { id: info.id });
      if (!exported.ok) throw new Error(exported.error.message);
      const out = exported.value as ApiOutput<'templates:export'>;
      const written = s.files.resolve(out.file.fileId).path;
      expect(readFileSync(written, 'utf8')).toBe(out.json);
      expect(out.file.name).toBe('拉卡拉交易明细.feetrail-template.json');
      // Export to a save-dialog target (desktop).
      const target = s.files.registerWrite(join(dir, 'saved.json'));
      const saved = await call('templates:export', { id: info.id, target: target.fileId });
      expect(saved).toMatchObject({ ok: true, value: { file: { name: 'saved.json' } } });
      expect(JSON.parse(readFileSync(join(dir, 'saved.json'), 'utf8'))).toMatchObject({
        name: '拉卡拉交易明细',
        mapping: { kind: 'pos', signature: mapping?.signature },
      });

      expect(await call('templates:delete', { id: info.id })).toEqual({ ok: true, value: null });
      expect(await call('templates:list', {})).toEqual({ ok: true, value: [] });
      expect(await call('templates:delete', { id: info.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });

      // The exported file brings it back.
      const back = await call('templates:import', { fileId: s.files.register(written).fileId });
      expect(back).toMatchObject({ ok: true, value: { name: '拉卡拉交易明细', headers: mapping?.headers } });
    } finally {
      s.close();
    }
  });

  it('a file that is not JSON, or a template that fails validation, is refused with a reason and changes nothing', async () => {
    const dir = tempDir();
    const { s, call } = servicesIn(dir);
    try {
      const book = s.books.require();
      const before = bookCounts(book);

      const notJson = join(dir, 'not-a-template.json');
      writeFileSync(notJson, '{ "name": "半截', 'utf8');
      const r1 = await call('templates:import', { fileId: s.files.register(notJson).fileId });
      expect(r1).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          details: { reason: 'template_not_json', name: 'not-a-template.json' },
        },
      });

      const preview = await previewOf(call, s.files.register(POS).fileId);
      const tampered = join(dir, 'tampered.json');
      const headers = [...(preview.mapping?.headers ?? []), '多出来的一列'];
      writeFileSync(tampered, JSON.stringify({ name: '改过的', mapping: { ...preview.mapping, headers } }));
      const r2 = await call('templates:import', { fileId: s.files.register(tampered).fileId });
      expect(r2).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', details: { reason: 'template_invalid' } },
      });

      const wrongShape = JSON.stringify({ name: '没有映射', mapping: { kind: 'pos' } });
      const r3 = await call('templates:import', { json: wrongShape });
      expect(r3).toMatchObject({ ok: false, error: { details: { reason: 'template_invalid' } } });

      // Exactly one of json and fileId: both, or neither, fails the contract before any handler runs.
      const both = await call('templates:import', { json: wrongShape, fileId: 'x' });
      expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const neither = await call('templates:import', {});
      expect(neither).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

      // A file id the user never picked is not read.
      const unknown = await call('templates:import', { fileId: 'not-registered' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });

      expect(bookCounts(book)).toEqual(before);
      expect(await call('templates:list', {})).toEqual({ ok: true, value: [] });
    } finally {
      s.close();
    }
  });
});
