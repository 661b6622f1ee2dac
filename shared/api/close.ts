/**
 * Month close (月结), the month-end report (月结报告), the annual fee summary (年度手续费汇总) and the
 * audit log. A closed month refuses imports, undo, triage and reconciliation that would change it
 * (error code `month_closed`); reopening needs a reason; both are written to the audit log.
 */
import { z } from 'zod';
import { call } from './define';
import type { FileRef } from './files';
import { monthSchema } from './reconcile';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export type PeriodState = 'open' | 'closed';

export type PeriodView = {
  month: string;
  state: PeriodState;
  noTradeDays: string[];
  closedAt: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
};

export type ChecklistItemId = 'pos_days' | 'bank_coverage' | 'reconciled' | 'triaged';

/** One check of the close checklist, with the facts behind it (the UI words them from the catalogue). */
export type ChecklistItem =
  | {
      id: 'pos_days';
      ok: boolean;
      /** Days of the month without a POS row. */
      missingDays: string[];
      /** Of those, the ones not (yet) confirmed as no-trade days. */
      unconfirmedDays: string[];
    }
  | {
      id: 'bank_coverage';
      ok: boolean;
      /** The statement must reach back to this day (the first settlement of the month)… */
      needFrom: string;
      /** …and forward to this one (the month's last settlement, after the settlement lag). */
      needTo: string;
      firstLine: string | null;
      lastLine: string | null;
    }
  | { id: 'reconciled'; ok: boolean; ranAt: string | null; stale: boolean }
  | { id: 'triaged'; ok: boolean; openFindings: number };

export type CloseChecklist = {
  period: PeriodView;
  items: ChecklistItem[];
  /** True when every item passes (with the no-trade days given in the request). */
  canClose: boolean;
};

export type AuditView = { id: number; at: string; action: string; details: Record<string, unknown> };

export type ReportFormat = 'pdf' | 'xlsx';

/** The language a report is written in: Chinese (the default) or English. */
export const reportLangSchema = z.enum(['zh-CN', 'en']);
export type ReportLang = z.infer<typeof reportLangSchema>;

export type ReportReply = { file: FileRef };

const noTradeDays = z.array(localDate).max(31);

export const closeCalls = {
  /** Every month that was ever closed or reopened, newest first. */
  'close:periods': call<PeriodView[]>()(z.object({}).strict()),
  /** The checklist of one month; `noTradeDays` are days the user is about to confirm. */
  'close:checklist': call<CloseChecklist>()(
    z.object({ month: monthSchema, noTradeDays: noTradeDays.optional() }).strict(),
  ),
  /** Close a month. Refused (invalid_input, with the checklist) unless every check passes. */
  'close:close': call<CloseChecklist>()(
    z.object({ month: monthSchema, noTradeDays: noTradeDays.default([]) }).strict(),
  ),
  /** Reopen a closed month; the reason is kept on the month and in the audit log. */
  'close:reopen': call<PeriodView>()(
    z.object({ month: monthSchema, reason: z.string().trim().min(1).max(500) }).strict(),
  ),
  /** Write the month-end report. With `target` (a save-dialog file) it is written there. */
  'reports:month': call<ReportReply>()(
    z
      .object({
        month: monthSchema,
        format: z.enum(['pdf', 'xlsx']),
        lang: reportLangSchema.default('zh-CN'),
        target: z.string().max(100).optional(),
      })
      .strict(),
  ),
  /** Write the annual fee summary of a calendar year. */
  'reports:annual': call<ReportReply>()(
    z
      .object({
        year: z.number().int().min(2000).max(2100),
        format: z.enum(['pdf', 'xlsx']),
        lang: reportLangSchema.default('zh-CN'),
        target: z.string().max(100).optional(),
      })
      .strict(),
  ),
  /** The newest audit log entries. */
  'audit:list': call<AuditView[]>()(
    z.object({ limit: z.number().int().min(1).max(5000).default(200) }).strict(),
  ),
};
