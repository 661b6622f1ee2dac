import { z } from 'zod';
import type { RateCardJson } from '../domain/rate-card';
import type { FindingKind, Severity } from '../domain/reconcile/types';
import type { ReconcileSummary } from '../domain/reconcile/summary';
import type { Channel } from '../domain/types';
import type { Fen } from '../money';
import { call } from './define';
import type { Provenance, StoredBankLine, StoredTxn } from './ledger';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** A month (`YYYY-MM`) or an inclusive date range. */
export const periodSchema = z.union([
  z.object({ month: monthSchema }).strict(),
  z
    .object({ from: localDate, to: localDate })
    .strict()
    .refine((p) => p.from <= p.to, 'from is after to'),
]);
export type PeriodInput = z.input<typeof periodSchema>;

export type FindingState =
  'open' | 'accepted' | 'dismissed' | 'to_dispute' | 'disputed' | 'resolved' | 'rejected';
export const TRIAGE_STATES = ['open', 'accepted', 'dismissed', 'to_dispute'] as const;

export type FindingView = {
  id: number;
  kind: FindingKind;
  severity: Severity;
  date: string;
  channel: Channel | null;
  terminalId: string | null;
  merchantNo: string | null;
  expectedFen: Fen | null;
  actualFen: Fen | null;
  deltaFen: Fen;
  refNos: string[];
  zh: string;
  en: string;
  state: FindingState;
  triageReason: string | null;
  triagedAt: string | null;
  recoveredFen: Fen;
  txnCount: number;
  bankLineCount: number;
  /** False when the latest run over its dates no longer finds it (kept because it was triaged). */
  current: boolean;
  details: Record<string, unknown>;
};

export type ReconcileRunView = {
  runId: number;
  period: { from: string; to: string };
  ranAt: string;
  summary: ReconcileSummary;
  /** True when an import landed after this run: the results may be out of date. */
  stale: boolean;
};

export type ReconcileReport = ReconcileRunView & { findings: FindingView[] };

export type FindingDetail = {
  finding: FindingView;
  txns: { txn: StoredTxn; provenance: Provenance }[];
  bankLines: { line: StoredBankLine; provenance: Provenance }[];
};

export type StoredRateCardView = { id: number; updatedAt: string; card: RateCardJson };

export type ReconcileSettings = {
  settlementCycle: 'D+1' | 'T+1' | 'D0';
  /** 差额结算 (net, the default) or 全额结算 (gross: full amounts in, fees debited apart). */
  settlementBasis: 'net' | 'gross';
  acquirerCounterparties: string[];
  acquirerSummaryKeywords: string[];
  matchWindowDays: number;
  duplicateWindowMinutes: number;
};

export const reconcileSettingsSchema = z
  .object({
    settlementCycle: z.enum(['D+1', 'T+1', 'D0']),
    // Settings saved before the choice existed were all net.
    settlementBasis: z.enum(['net', 'gross']).default('net'),
    acquirerCounterparties: z.array(z.string().trim().min(1).max(100)).max(20),
    acquirerSummaryKeywords: z.array(z.string().trim().min(1).max(100)).max(20),
    matchWindowDays: z.number().int().min(0).max(15),
    duplicateWindowMinutes: z.number().int().min(1).max(1440),
  })
  .strict();

export const findingFilterSchema = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    kind: z.string().max(40).optional(),
    state: z
      .enum(['open', 'accepted', 'dismissed', 'to_dispute', 'disputed', 'resolved', 'rejected'])
      .optional(),
    includeStale: z.boolean().default(false),
  })
  .strict();

export const reconcileCalls = {
  /** Reconcile a month or range; results are stored, triage decisions on recurring findings kept. */
  'reconcile:run': call<ReconcileReport>()(periodSchema),
  /** The latest stored run over exactly this period, or null. */
  'reconcile:latest': call<ReconcileReport | null>()(periodSchema),
  'findings:list': call<FindingView[]>()(findingFilterSchema),
  'findings:get': call<FindingDetail>()(z.object({ id: z.number().int().min(1) }).strict()),
  /** Mark findings accepted, dismissed (reason required) or to dispute, in bulk; or reopen them. */
  'findings:triage': call<FindingView[]>()(
    z
      .object({
        ids: z.array(z.number().int().min(1)).min(1).max(10_000),
        state: z.enum(TRIAGE_STATES),
        reason: z.string().trim().max(500).optional(),
      })
      .strict()
      .refine((t) => t.state !== 'dismissed' || (t.reason !== undefined && t.reason.length > 0), {
        message: 'A dismissal needs a reason',
        path: ['reason'],
      }),
  ),
  'rates:list': call<StoredRateCardView[]>()(z.object({}).strict()),
  /** Save a rate card given as its documented JSON (validated); replaces the card of the same name and scope. */
  'rates:save': call<StoredRateCardView>()(z.object({ card: z.unknown() }).strict()),
  'rates:delete': call<null>()(z.object({ id: z.number().int().min(1) }).strict()),
  'rates:templates': call<{ id: string; card: RateCardJson }[]>()(z.object({}).strict()),
  'settings:reconcile': call<ReconcileSettings>()(z.object({}).strict()),
  'settings:setReconcile': call<ReconcileSettings>()(reconcileSettingsSchema),
};
