/** Handlers for reconcile:*, findings:*, rates:* and reconcile settings calls. */
import type { reconcileCalls } from '../../shared/api/reconcile';
import { parseRateCardJson, rateCardToJson } from '../../shared/domain/rate-card';
import { RATE_CARD_TEMPLATE_IDS, rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { FeeTrailError } from '../../shared/result';
import { localNow } from '../db/book';
import { getFinding, latestRun, listFindings, triageFindings } from '../db/findings-repo';
import { deleteRateCard, ensureDefaultRateCard, listRateCards, saveRateCard } from '../db/rate-card-repo';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';
import {
  findingsOfPeriod,
  reconcileSettings,
  resolvePeriod,
  setReconcileSettings,
} from './reconcile-service';

export function reconcileHandlers(s: Services): HandlerMap<typeof reconcileCalls> {
  return {
    'reconcile:run': (input) => s.reconcile.run(s.books.require(), input),
    'reconcile:latest': (input) => {
      const book = s.books.require();
      const period = resolvePeriod(input);
      const run = latestRun(book, period);
      return run ? { ...run, findings: findingsOfPeriod(book, period) } : null;
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
  };
}
