/**
 * The words the reports print, in Chinese (the bookkeeper's words, the default) and in English.
 * Every writer takes one `ReportText`; the names of kinds, channels and dispute statuses are the
 * evidence pack's and the findings' own.
 */
import type { ReportLang } from '../../../shared/api/close';
import { CHANNEL_EN, CHANNEL_ZH } from '../../../shared/domain/reconcile/finding';
import type { Channel } from '../../../shared/domain/types';
import { KIND_NAMES, STATUS_NAMES } from '../evidence/evidence-text';

export type { ReportLang };

/** Finding kinds of the settlement reconciliation (余额调节表): money due against money received. */
export const SETTLEMENT_KINDS = new Set([
  'settlement_missing',
  'settlement_mismatch',
  'unmatched_acquirer_credit',
  'unexpected_deduction',
]);

type Figure = 'turnoverFen' | 'feesFen' | 'rate' | 'expectedFen' | 'diffFen' | 'recoveredFen';

type Words = {
  total: string;
  month: string;
  merchantNo: string;
  terminalId: string;
  channel: string;
  count: string;
  date: string;
  findingKind: string;
  refNo: string;
  diff: string;
  state: string;
  triageReason: string;
  recovered: string;
  message: string;
  caseNo: string;
  caseTitle: string;
  period: string;
  claimed: string;
  openedAt: string;
  item: string;
  amount: string;
  none: string;
  terminals: string;
  terminalFees: string;
  findings: string;
  disputes: string;
  status: string;
  reconciled: string;
  notReconciled: string;
  closed: string;
  notClosed: string;
  byChannel: string;
  settlement: string;
  outstanding: string;
  runNone: string;
  stale: string;
  expectedNote: string;
  unitNote: string;
  noteSep: string;
  sheetChannels: string;
  sheetSettlement: string;
  sheetOutstanding: string;
  sheetSummary: string;
  sheetTerminals: string;
  sheetFindings: string;
  sheetDisputes: string;
};

export type ReportText = {
  lang: ReportLang;
  /** Between the parts of a subtitle line. */
  sep: string;
  channels: Record<Channel, string>;
  kinds: Record<string, string>;
  states: Record<string, string>;
  disputeStatuses: Record<string, string>;
  figures: Record<Figure, string>;
  words: Words;
  /** Settlement reconciliation lines, in the order settlementLines lists them. */
  settlementItems: [string, string, string, string, string, string, string];
  /** `from` 至 `to`. */
  range: (from: string, to: string) => string;
  book: (name: string) => string;
  /** 期间：`from` 至 `to`. */
  period: (from: string, to: string) => string;
  generated: (at: string) => string;
  closedAt: (at: string) => string;
  runAt: (at: string) => string;
  monthTitle: (month: string) => string;
  annualTitle: (year: number) => string;
  /** File names (without extension) a saved report gets. */
  monthFile: (month: string) => string;
  annualFile: (year: number) => string;
  /** Titles of the month workbook's first three sheets. */
  channelsTitle: (month: string) => string;
  settlementTitle: (month: string) => string;
  outstandingTitle: (month: string) => string;
  /** The annual summary's per-channel turnover column ("银行卡营业额"). */
  channelTurnover: (channel: string) => string;
  /** The PDF page footer (Chromium's pageNumber / totalPages spans). */
  footer: string;
  /** The finding's stored message in this language. */
  findingMessage: (f: { zh: string; en: string }) => string;
};

const ZH: ReportText = {
  lang: 'zh-CN',
  sep: '\u3000',
  channels: CHANNEL_ZH,
  kinds: {
    ...KIND_NAMES.zh,
    unmatched_acquirer_credit: '无法匹配的入账',
    duplicate_suspect: '疑似重复交易',
  },
  states: {
    open: '未处理',
    accepted: '已确认',
    dismissed: '已忽略',
    to_dispute: '待申诉',
    disputed: '申诉中',
    resolved: '已追回',
    rejected: '申诉被驳回',
  },
  disputeStatuses: STATUS_NAMES.zh,
  figures: {
    turnoverFen: '营业额',
    feesFen: '实收手续费',
    rate: '实际费率',
    expectedFen: '应收手续费',
    diffFen: '差额',
    recoveredFen: '已追回',
  },
  words: {
    total: '合计',
    month: '月份',
    merchantNo: '商户号',
    terminalId: '终端号',
    channel: '渠道',
    count: '笔数',
    date: '日期',
    findingKind: '差异类型',
    refNo: '参考号',
    diff: '差额',
    state: '状态',
    triageReason: '处理说明',
    recovered: '已追回',
    message: '说明',
    caseNo: '案件号',
    caseTitle: '标题',
    period: '期间',
    claimed: '申诉金额',
    openedAt: '立案时间',
    item: '项目',
    amount: '金额',
    none: '（无）',
    terminals: '终端',
    terminalFees: '终端手续费',
    findings: '对账差异及处理状态',
    disputes: '申诉案件',
    status: '状态',
    reconciled: '已对账',
    notReconciled: '未对账',
    closed: '已月结',
    notClosed: '未月结',
    byChannel: '营业额与手续费（按渠道）',
    settlement: '结算余额调节表',
    outstanding: '未达账项',
    runNone: '本月尚未对账',
    stale: '（之后有新导入，结果可能过期）',
    expectedNote: '应收手续费 = 实收 − 对账发现的手续费差额',
    unitNote: '金额单位：元',
    noteSep: '；',
    sheetChannels: '渠道',
    sheetSettlement: '余额调节表',
    sheetOutstanding: '未达账项',
    sheetSummary: '汇总',
    sheetTerminals: '终端',
    sheetFindings: '差异',
    sheetDisputes: '申诉',
  },
  settlementItems: [
    '应到结算（POS 结算金额）',
    '实到结算（银行入账）',
    '差额（应到 − 实到）',
    '其中：结算未到账',
    '其中：银行流水尚未覆盖（待到账）',
    '无法匹配的收单入账',
    '不明扣款',
  ],
  range: (from, to) => `${from} 至 ${to}`,
  book: (name) => `账本：${name}`,
  period: (from, to) => `期间：${from} 至 ${to}`,
  generated: (at) => `生成：${at}`,
  closedAt: (at) => `已月结（${at}）`,
  runAt: (at) => `对账时间：${at}`,
  monthTitle: (month) => `${month} 月结报告`,
  annualTitle: (year) => `${year} 年度手续费汇总`,
  monthFile: (month) => `月结报告-${month}`,
  annualFile: (year) => `年度手续费汇总-${year}`,
  channelsTitle: (month) => `${month} 月结报告：营业额与手续费`,
  settlementTitle: (month) => `${month} 结算余额调节表`,
  outstandingTitle: (month) => `${month} 未达账项（结算差异）`,
  channelTurnover: (channel) => `${channel}营业额`,
  footer: '第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页',
  findingMessage: (f) => f.zh,
};

const EN: ReportText = {
  lang: 'en',
  sep: ' · ',
  channels: CHANNEL_EN,
  kinds: {
    ...KIND_NAMES.en,
    unmatched_acquirer_credit: 'Unmatched acquirer credit',
    duplicate_suspect: 'Suspected duplicate',
  },
  states: {
    open: 'Open',
    accepted: 'Accepted',
    dismissed: 'Dismissed',
    to_dispute: 'To dispute',
    disputed: 'Disputed',
    resolved: 'Recovered',
    rejected: 'Dispute rejected',
  },
  disputeStatuses: STATUS_NAMES.en,
  figures: {
    turnoverFen: 'Turnover',
    feesFen: 'Fees charged',
    rate: 'Effective rate',
    expectedFen: 'Expected fees',
    diffFen: 'Difference',
    recoveredFen: 'Recovered',
  },
  words: {
    total: 'Total',
    month: 'Month',
    merchantNo: 'Merchant no.',
    terminalId: 'Terminal',
    channel: 'Channel',
    count: 'Count',
    date: 'Date',
    findingKind: 'Finding',
    refNo: 'Reference no.',
    diff: 'Difference',
    state: 'State',
    triageReason: 'Note',
    recovered: 'Recovered',
    message: 'Details',
    caseNo: 'Case no.',
    caseTitle: 'Title',
    period: 'Period',
    claimed: 'Claimed',
    openedAt: 'Opened',
    item: 'Item',
    amount: 'Amount',
    none: '(none)',
    terminals: 'Terminals',
    terminalFees: 'Fees by terminal',
    findings: 'Reconciliation findings and their state',
    disputes: 'Dispute cases',
    status: 'Status',
    reconciled: 'Reconciled',
    notReconciled: 'Not reconciled',
    closed: 'Closed',
    notClosed: 'Open',
    byChannel: 'Turnover and fees by channel',
    settlement: 'Settlement reconciliation',
    outstanding: 'Outstanding items',
    runNone: 'Not reconciled yet',
    stale: ' (files imported since; the result may be out of date)',
    expectedNote: 'Expected fees = fees charged − fee differences found by reconciliation',
    unitNote: 'amounts in yuan',
    noteSep: '; ',
    sheetChannels: 'Channels',
    sheetSettlement: 'Settlement',
    sheetOutstanding: 'Outstanding',
    sheetSummary: 'Summary',
    sheetTerminals: 'Terminals',
    sheetFindings: 'Findings',
    sheetDisputes: 'Disputes',
  },
  settlementItems: [
    'Settlements due (POS settlement amounts)',
    'Settlements received (bank credits)',
    'Difference (due − received)',
    'of which: settlement missing',
    'of which: not yet covered by bank lines (pending)',
    'Unmatched acquirer credits',
    'Unexpected deductions',
  ],
  range: (from, to) => `${from} to ${to}`,
  book: (name) => `Book: ${name}`,
  period: (from, to) => `Period: ${from} to ${to}`,
  generated: (at) => `Generated: ${at}`,
  closedAt: (at) => `Closed (${at})`,
  runAt: (at) => `Reconciled: ${at}`,
  monthTitle: (month) => `Month-end report ${month}`,
  annualTitle: (year) => `Annual fee summary ${year}`,
  monthFile: (month) => `month-end-report-${month}`,
  annualFile: (year) => `annual-fee-summary-${year}`,
  channelsTitle: (month) => `Month-end report ${month}: turnover and fees`,
  settlementTitle: (month) => `Settlement reconciliation ${month}`,
  outstandingTitle: (month) => `Outstanding items ${month} (settlement differences)`,
  channelTurnover: (channel) => `${channel} turnover`,
  footer: 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
  findingMessage: (f) => f.en,
};

export function reportText(lang: ReportLang = 'zh-CN'): ReportText {
  return lang === 'en' ? EN : ZH;
}

export function channelName(tx: ReportText, c: string | null): string {
  return c !== null && c in tx.channels ? tx.channels[c as Channel] : '—';
}

/** A code's name in `names`, or the code itself when the report text does not know it. */
export function nameOf(names: Record<string, string>, code: string): string {
  return names[code] ?? code;
}
