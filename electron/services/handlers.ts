/**
 * The service side of the contract: one handler per call, each a thin adapter onto a service.
 * Every door (IPC, HTTP, CLI, tests) dispatches through `createServiceDispatcher`.
 */
import type { ServiceContract } from '../../shared/api/contract';
import { serviceContract } from '../../shared/api/contract';
import type { DispatchOptions, HandlerMap } from './dispatch';
import { createDispatcher } from './dispatch';
import type { Services } from './create-services';
import { FeeTrailError } from '../../shared/result';
import { getBatch, listBatches, undoBatch } from '../db/import-repo';
import {
  getBankLine,
  getTransaction,
  listBankLines,
  listTerminals,
  listTransactions,
} from '../db/ledger-repo';
import { deleteTemplate, getTemplate, listTemplates, saveTemplate } from '../db/template-repo';
import { parseMappingTemplateJson } from '../../shared/import/mapping-schema';
import { localNow } from '../db/book';

export function createServiceHandlers(s: Services): HandlerMap<ServiceContract> {
  return {
    'app:info': () => s.appInfo(),
    'book:current': () => s.books.info(),
    'book:recent': () => s.books.recent(),
    'book:create': (input) =>
      'name' in input
        ? s.books.createNamed(input.name)
        : s.books.createAt(s.files.resolve(input.fileId, 'write').path),
    'book:open': (input) =>
      'path' in input ? s.books.openRecent(input.path) : s.books.openAt(s.files.resolve(input.fileId).path),
    'book:openDefault': () => s.books.openDefault(),
    'book:close': () => {
      s.books.closeCurrent();
      return null;
    },
    'book:forget': (input) => s.books.forget(input.path),

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

    'transactions:list': (input) => listTransactions(s.books.require(), input),
    'transactions:get': (input) => {
      const found = getTransaction(s.books.require(), input.id);
      if (!found) throw new FeeTrailError('not_found', `No transaction ${input.id}.`);
      return found;
    },
    'transactions:terminals': () => listTerminals(s.books.require()),
    'bank:list': (input) => listBankLines(s.books.require(), input),
    'bank:get': (input) => {
      const found = getBankLine(s.books.require(), input.id);
      if (!found) throw new FeeTrailError('not_found', `No bank line ${input.id}.`);
      return found;
    },
  };
}

export function createServiceDispatcher(s: Services, options?: DispatchOptions) {
  return createDispatcher(serviceContract, createServiceHandlers(s), options);
}
