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
import { listFindings, latestRun, triageFindings, getFinding } from '../db/findings-repo';
import { deleteRateCard, ensureDefaultRateCard, listRateCards, saveRateCard } from '../db/rate-card-repo';
import { parseRateCardJson, rateCardToJson } from '../../shared/domain/rate-card';
import { RATE_CARD_TEMPLATE_IDS, rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { reconcileSettings, resolvePeriod, setReconcileSettings } from './reconcile-service';

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
    'reconcile:run': (input) => s.reconcile.run(s.books.require(), input),
    'reconcile:latest': (input) => {
      const book = s.books.require();
      const period = resolvePeriod(input);
      const run = latestRun(book, period);
      return run ? { ...run, findings: listFindings(book, { from: period.from, to: period.to }) } : null;
    },
    'findings:list': (input) => listFindings(s.books.require(), input),
    'findings:get': (input) => s.reconcile.detail(s.books.require(), input.id),
    'findings:triage': (input) => {
      const book = s.books.require();
      triageFindings(book, input.ids, input.state, input.reason ?? null, localNow());
      return input.ids.flatMap((id) => getFinding(book, id) ?? []);
    },
    'rates:list': () => {
      const book = s.books.require();
      ensureDefaultRateCard(book, localNow());
      return listRateCards(book).map((c) => ({
        id: c.id,
        updatedAt: c.updatedAt,
        card: rateCardToJson(c.card),
      }));
    },
    'rates:save': (input) => {
      const parsed = parseRateCardJson(input.card);
      if (!parsed.ok) {
        const first = parsed.issues[0];
        throw new FeeTrailError(
          'invalid_input',
          `The rate card is not valid: ${first ? `${first.path}: ${first.message}` : ''}`,
          {
            issues: parsed.issues,
          },
        );
      }
      const saved = saveRateCard(s.books.require(), parsed.value, localNow());
      return { id: saved.id, updatedAt: saved.updatedAt, card: rateCardToJson(saved.card) };
    },
    'rates:delete': (input) => {
      if (!deleteRateCard(s.books.require(), input.id, localNow()))
        throw new FeeTrailError('not_found', `No rate card ${input.id}.`);
      return null;
    },
    'rates:templates': () =>
      RATE_CARD_TEMPLATE_IDS.map((id) => ({ id, card: rateCardToJson(rateCardTemplate(id)) })),
    'settings:reconcile': () => reconcileSettings(s.books.require()),
    'settings:setReconcile': (input) => setReconcileSettings(s.books.require(), input),

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
