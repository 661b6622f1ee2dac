/** Handlers for imports:* and templates:* calls. */
import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { importCalls } from '../../shared/api/imports';
import { TEMPLATE_JSON_MAX } from '../../shared/api/imports';
import { parseMappingTemplateJson } from '../../shared/import/mapping-schema';
import { FeeTrailError } from '../../shared/result';
import { localNow } from '../db/book';
import { getBatch, listBatches, undoBatch } from '../db/import-repo';
import { assertMonthsOpen, monthsOfBatch } from '../db/periods-repo';
import { deleteTemplate, getTemplate, listTemplates, saveTemplate } from '../db/template-repo';
import type { Services } from './create-services';
import { writeOutput } from './output-file';
import type { HandlerMap } from './dispatch';

export function importHandlers(s: Services): HandlerMap<typeof importCalls> {
  return {
    'imports:preview': (input) => {
      const f = s.files.resolve(input.fileId);
      return s.imports.preview(
        s.books.require(),
        { fileId: input.fileId, path: f.path, name: f.name },
        input.options ?? {},
      );
    },
    'imports:start': (input) => {
      const f = s.files.resolve(input.fileId);
      return s.importJobs.start({ path: f.path, name: f.name }, input.options ?? {}, {
        skipErrorRows: input.skipErrorRows,
        saveTemplateAs: input.saveTemplateAs,
      });
    },
    'imports:job': (input) => s.importJobs.get(input.jobId),
    'imports:cancel': (input) => s.importJobs.cancel(input.jobId),
    'imports:list': () => listBatches(s.books.require()),
    'imports:undo': (input) => {
      const book = s.books.require();
      const batch = getBatch(book, input.batchId);
      if (!batch)
        throw new FeeTrailError('not_found', `No import batch ${input.batchId}.`, { batchId: input.batchId });
      if (batch.status === 'undone')
        throw new FeeTrailError('invalid_input', `Import batch ${input.batchId} was already undone.`);
      assertMonthsOpen(book, monthsOfBatch(book, input.batchId), 'undo');
      return undoBatch(book, input.batchId, localNow());
    },
    'templates:list': () => listTemplates(s.books.require()),
    'templates:export': async (input) => {
      const t = getTemplate(s.books.require(), input.id);
      if (!t) throw new FeeTrailError('not_found', `No template ${input.id}.`);
      const fileName = `${safeFileStem(t.info.name)}.feetrail-template.json`;
      const json = JSON.stringify({ name: t.info.name, mapping: t.mapping }, null, 2);
      const { file } = await writeOutput(s.files, fileName, input.target, (out) =>
        writeFile(out, json, 'utf8'),
      );
      return { fileName, json, file };
    },
    'templates:import': (input) => {
      const book = s.books.require();
      const from: { json: string; name?: string } =
        'fileId' in input ? readTemplateFile(s.files.resolve(input.fileId)) : input;
      const parsed = parseMappingTemplateJson(from.json);
      if (!parsed.ok)
        throw new FeeTrailError('invalid_input', `The template file is not valid: ${parsed.error}`, {
          reason: parsed.error === 'not JSON' ? 'template_not_json' : 'template_invalid',
          problem: parsed.error,
          ...(from.name !== undefined ? { name: from.name } : {}),
        });
      return saveTemplate(book, parsed.value.name, parsed.value.mapping, localNow());
    },
    'templates:delete': (input) => {
      if (!deleteTemplate(s.books.require(), input.id))
        throw new FeeTrailError('not_found', `No template ${input.id}.`);
      return null;
    },
  };
}

/** A template file the user picked: UTF-8 text (a BOM is dropped), refused past TEMPLATE_JSON_MAX bytes. */
function readTemplateFile(f: { path: string; name: string }): { json: string; name: string } {
  if (statSync(f.path).size > TEMPLATE_JSON_MAX)
    throw new FeeTrailError('file_too_large', `${f.name} is too large for a template file.`, {
      name: f.name,
    });
  return { json: readFileSync(f.path, 'utf8').replace(/^\uFEFF/, ''), name: f.name };
}

/** A template name as a file name: characters no file system accepts become "_". */
function safeFileStem(name: string): string {
  const stem = [...name].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return stem.slice(0, 150) || 'template';
}
