/** Handlers for imports:* and templates:* calls. */
import type { importCalls } from '../../shared/api/imports';
import { parseMappingTemplateJson } from '../../shared/import/mapping-schema';
import { FeeTrailError } from '../../shared/result';
import { localNow } from '../db/book';
import { getBatch, listBatches, undoBatch } from '../db/import-repo';
import { assertMonthsOpen, monthsOfBatch } from '../db/periods-repo';
import { deleteTemplate, getTemplate, listTemplates, saveTemplate } from '../db/template-repo';
import type { Services } from './create-services';
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
    'templates:export': (input) => {
      const t = getTemplate(s.books.require(), input.id);
      if (!t) throw new FeeTrailError('not_found', `No template ${input.id}.`);
      return {
        fileName: `${t.info.name}.feetrail-template.json`,
        json: JSON.stringify({ name: t.info.name, mapping: t.mapping }, null, 2),
      };
    },
    'templates:import': (input) => {
      const parsed = parseMappingTemplateJson(input.json);
      if (!parsed.ok)
        throw new FeeTrailError('invalid_input', `The template file is not valid: ${parsed.error}`);
      return saveTemplate(s.books.require(), parsed.value.name, parsed.value.mapping, localNow());
    },
    'templates:delete': (input) => {
      if (!deleteTemplate(s.books.require(), input.id))
        throw new FeeTrailError('not_found', `No template ${input.id}.`);
      return null;
    },
  };
}
