/**
 * Reconciling a period: load the rows (with context around the period: the sales that later voids and
 * refunds refer to, and the bank lines where late settlements land), run the pure engine, store the
 * results keeping the user's triage decisions.
 */
import { z } from 'zod';
import type {
  DeductionAgreement,
  ReconcileOptions,
  StoredBankLine,
} from '../../shared/domain/reconcile/types';
import type {
  FindingView,
  FindingDetail,
  PeriodInput,
  ReconcileReport,
  ReconcileSettings,
} from '../../shared/api/reconcile';
import { reconcileSettingsSchema } from '../../shared/api/reconcile';
import {
  DEFAULT_RECONCILE_OPTIONS,
  FEE_COLLECTION_REACH_DAYS,
  reconcile,
  settlementReach,
} from '../../shared/domain/reconcile';
import { FeeTrailError } from '../../shared/result';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import {
  findingBankLineIds,
  findingTxnIds,
  getFinding,
  getRun,
  lateSettlementFindingIds,
  listFindings,
  saveRun,
} from '../db/findings-repo';
import { getBankLine, getTransaction } from '../db/ledger-repo';
import { firstPosDay, reconcileBankLines, reconcileTxns, type ReconcileTxns } from '../db/reconcile-rows';
import { ensureDefaultRateCard, listRateCards } from '../db/rate-card-repo';
import { assertMonthsOpen, monthsBetween } from '../db/periods-repo';
import { feesPerDay } from '../db/report-repo';
import { getSetting, setSetting } from '../db/settings-repo';
import { addDays, monthRange } from './period';
import { isWorkingDay, yearsWithoutCalendar } from './working-days';

/** How far before the period voids and refunds may reach back for their original sale. */
const CONTEXT_BEFORE_DAYS = 62;
/** How far after the period settlements may still land in the bank. */
const CONTEXT_AFTER_DAYS = 20;

export const DEFAULT_RECONCILE_SETTINGS: ReconcileSettings = {
  settlementCycle: 'D+1',
  settlementBasis: 'net',
  acquirerCounterparties: ['拉卡拉支付股份有限公司'],
  acquirerSummaryKeywords: ['拉卡拉'],
  matchWindowDays: 3,
  duplicateWindowMinutes: 10,
};

export function resolvePeriod(p: PeriodInput): { from: string; to: string } {
  return 'month' in p ? monthRange(p.month) : { from: p.from, to: p.to };
}

export function reconcileSettings(book: Book): ReconcileSettings {
  const parsed = reconcileSettingsSchema.safeParse(getSetting(book, 'reconcile'));
  return parsed.success ? parsed.data : DEFAULT_RECONCILE_SETTINGS;
}

export function setReconcileSettings(book: Book, s: ReconcileSettings): ReconcileSettings {
  setSetting(book, 'reconcile', s, localNow());
  return s;
}

const agreementsSchema = z.array(
  z.object({
    keyword: z.string().optional(),
    amountFen: z.number().int().min(0).optional(),
    maxFen: z.number().int().min(0).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    note: z.string().optional(),
  }),
);

/** Agreements the merchant recorded that explain acquirer debits (validated; a bad value counts as none). */
export function deductionAgreements(book: Book): DeductionAgreement[] {
  const parsed = agreementsSchema.safeParse(getSetting(book, 'deductionAgreements') ?? []);
  return parsed.success ? (parsed.data as DeductionAgreement[]) : [];
}

/**
 * The findings a period's report shows: dated in the period, plus settlement findings dated in the
 * days after it for the period's own rows (money due early next month for sales at the end of this
 * one; not those of the next month's rows) and acquirer credits no settlement took. Both the run and
 * `reconcile:latest` use this, so a reload shows what the run showed.
 */
export function findingsOfPeriod(book: Book, period: { from: string; to: string }): FindingView[] {
  const late = lateSettlementFindingIds(book, period);
  return listFindings(book, { from: period.from, to: addDays(period.to, CONTEXT_AFTER_DAYS) }).filter(
    (f) => f.date <= period.to || late.has(f.id) || f.kind === 'unmatched_acquirer_credit',
  );
}

/**
 * The POS rows of a period and its context. Of the days before the period, settlements count only
 * where matching against bank lines from `bankFrom` can reach (`settlementReach`); earlier, only voids,
 * refunds, the sales they name and rows with a late settlement-date column are read: the rest of those
 * days cannot change a result. The context days in reach and after the period come as settlement sums
 * per day (`reconcileTxns`), so a month reads about a month of rows, not two.
 */
function loadTxns(
  book: Book,
  period: { from: string; to: string },
  bankFrom: string,
  options: Pick<ReconcileOptions, 'settlementCycle' | 'settlementBasis' | 'isWorkingDay' | 'matchWindowDays'>,
): ReconcileTxns {
  const earliest = addDays(period.from, -CONTEXT_BEFORE_DAYS);
  const reach = settlementReach(bankFrom, earliest, {
    ...options,
    maxDaysPerCredit: DEFAULT_RECONCILE_OPTIONS.maxDaysPerCredit,
  });
  const spans = { from: earliest, to: addDays(period.to, CONTEXT_AFTER_DAYS), period, ...reach };
  const loaded = reconcileTxns(book, spans, options.settlementBasis);
  // A row of the period with a settlement-date column before the reach is paid with rows that were
  // left out: then read every row, as the reach does not hold.
  const early = loaded.txns.some(
    (t) =>
      t.settleDate !== null &&
      t.settleDate < reach.settledFrom &&
      t.txnTime >= period.from &&
      t.txnTime < `${period.to}\uffff`,
  );
  return early ? reconcileTxns(book, { ...spans, allFrom: earliest }, options.settlementBasis) : loaded;
}

/** What a period's run reads: the settings as the engine's options, its POS rows and bank lines. */
export type PeriodRows = ReconcileTxns & {
  settings: ReconcileSettings;
  options: ReconcileOptions;
  bankLines: StoredBankLine[];
  /** The book's first POS day (none: no POS rows): the days before it are unknown, not empty. */
  posFrom?: string;
};

/**
 * The rows a run of `period` reconciles, with their context: the POS rows (context days as sums), the
 * bank lines from `CONTEXT_AFTER_DAYS` before the period to as many after it. The evidence pack's
 * settlement pages match these too (settleWithBank), so they print what a run found.
 */
export function periodRows(book: Book, period: { from: string; to: string }): PeriodRows {
  const settings = reconcileSettings(book);
  const options: ReconcileOptions = {
    ...DEFAULT_RECONCILE_OPTIONS,
    settlementCycle: settings.settlementCycle,
    settlementBasis: settings.settlementBasis,
    isWorkingDay,
    acquirerCounterparties: settings.acquirerCounterparties,
    acquirerSummaryKeywords: settings.acquirerSummaryKeywords,
    matchWindowDays: settings.matchWindowDays,
    duplicateWindowMinutes: settings.duplicateWindowMinutes,
    deductionAgreements: deductionAgreements(book),
  };
  const bankFrom = addDays(period.from, -CONTEXT_AFTER_DAYS);
  const { txns, daySums } = loadTxns(book, period, bankFrom, options);
  const bankLines = reconcileBankLines(book, bankFrom, addDays(period.to, CONTEXT_AFTER_DAYS));
  const posFrom = firstPosDay(book);
  return { settings, options, txns, daySums, bankLines, ...(posFrom === null ? {} : { posFrom }) };
}

export class ReconcileService {
  constructor(private readonly now: () => string = localNow) {}

  run(book: Book, input: PeriodInput): ReconcileReport {
    const period = resolvePeriod(input);
    // A run replaces the open findings of its period: a closed month's must stay as they were closed.
    assertMonthsOpen(book, monthsBetween(period.from, period.to), 'reconcile');
    ensureDefaultRateCard(book, this.now());
    const { settings, options, ...rows } = periodRows(book, period);
    const feeDays =
      settings.settlementBasis === 'gross'
        ? feesPerDay(book, addDays(period.from, -FEE_COLLECTION_REACH_DAYS), period.to)
        : undefined;
    const result = reconcile({
      ...rows,
      ...(feeDays ? { feeDays } : {}),
      cards: listRateCards(book).map((c) => c.card),
      period,
      options,
    });
    // Under T+1 a year without the official holiday schedule is reckoned Monday to Friday: say so.
    const unknownYears =
      settings.settlementCycle === 'T+1'
        ? yearsWithoutCalendar(period.from, addDays(period.to, CONTEXT_AFTER_DAYS))
        : [];
    const summary =
      unknownYears.length > 0 ? { ...result.summary, calendarUnknownYears: unknownYears } : result.summary;
    const runId = saveRun(book, period, result.findings, summary, this.now());
    const run = getRun(book, runId);
    if (!run) throw new FeeTrailError('internal', 'The reconciliation run was not stored.');
    return { ...run, findings: findingsOfPeriod(book, period) };
  }

  detail(book: Book, id: number): FindingDetail {
    const finding = getFinding(book, id);
    if (!finding) throw new FeeTrailError('not_found', `No finding ${id}.`);
    return {
      finding,
      txns: findingTxnIds(book, id).flatMap((t) => getTransaction(book, t) ?? []),
      bankLines: findingBankLineIds(book, id).flatMap((l) => getBankLine(book, l) ?? []),
    };
  }
}
