/**
 * Months with known answers for reconciliation: a clean month (voids, refunds, failed sales, half-fen
 * ties, optionally weekends paid as one credit) that must give no finding, and the same month with
 * every finding kind injected, with a manifest of what was injected (kind, 参考号, deltaFen, date).
 *
 * The answers are computed here by integer arithmetic on the usual Lakala card (the book's default
 * card, see FIXTURE_RATES), never by the engine under test. Each fault is placed so that it explains
 * itself alone: fee faults on their own channel or rule, settlement faults on days a week apart.
 */
import { fen, negFen } from '../../shared/money';
import type { FindingKind } from '../../shared/domain/reconcile/types';
import { FINDING_KINDS } from '../../shared/domain/reconcile/types';
import type { BankLine, LocalDate, PosTxn } from '../../shared/domain/types';
import { ACQUIRER_NAME, generateBankLines } from './bank-data';
import { addDays } from './civil-time';
import { DEBIT_CAP_FEN, fixtureFee, generatePosTxns, settlementsByDate } from './pos-data';
import type { PosGenOptions } from './pos-data';
import { createRng } from './random';
import type { Rng } from './random';
import { cmp } from '../../shared/domain/text-order';

/** What reconciliation must find for one injected fault. Settlement and bank findings name no 参考号. */
export type InjectedFinding = { kind: FindingKind; refNos: string[]; deltaFen: number; date: LocalDate };

export type GeneratedMonth = { txns: PosTxn[]; bankLines: BankLine[] };
export type InjectedMonth = GeneratedMonth & { manifest: InjectedFinding[] };

export type MonthOptions = Omit<PosGenOptions, 'days'> & {
  /** Saturday's and Sunday's settlements arrive with Monday's as one credit. */
  weekendsAsOne?: boolean;
  /** `gross` (全额结算): full amounts arrive, each month's fees are debited on the 3rd of the next. */
  basis?: 'net' | 'gross';
};

/** Fee at `bp` hundredths of a percent, half-up, by integer arithmetic (the card's rounding). */
export function feeAtBp(amountFen: number, bp: number): number {
  return Math.floor((amountFen * bp + 5000) / 10000);
}

/** Amounts whose fee is an exact half fen on the usual card (¥17.50 × 0.60% = 10.5 fen …). */
const HALF_FEN = { credit: 1750, debit: 2300, wechat: 2500, alipay: 7500, unionpay_qr: 4250 } as const;

const DAYS = 31;

function withFee(t: PosTxn, feeFen: number): PosTxn {
  return { ...t, feeFen: fen(feeFen), settleFen: fen(t.amountFen - feeFen) };
}

function repriced(t: PosTxn, amountFen: number): PosTxn {
  const amount = fen(amountFen);
  return withFee({ ...t, amountFen: amount }, fixtureFee(amount, t.channel, t.cardKind));
}

function bankFor(txns: readonly PosTxn[], opts: MonthOptions, startDate: LocalDate): BankLine[] {
  return generateBankLines({
    seed: (opts.seed ?? 1) + 1,
    posTxns: txns,
    startDate,
    days: DAYS,
    ...(opts.weekendsAsOne ? { weekendsAsOne: true } : {}),
    ...(opts.basis ? { basis: opts.basis } : {}),
  });
}

/**
 * Indexes of the generated rows by role: sales nothing undoes (`plain`), sales a refund undoes (still
 * priced as sales), voids, refunds and failed sales. A voided sale is in none: its void is checked instead.
 */
function roles(txns: readonly PosTxn[]) {
  const voided = new Set(txns.flatMap((t) => (t.txnType === 'void' && t.origRefNo ? [t.origRefNo] : [])));
  const refunded = new Set(txns.flatMap((t) => (t.txnType === 'refund' && t.origRefNo ? [t.origRefNo] : [])));
  const out = { plain: [] as number[], refundedSales: [] as number[], voids: [] as number[] };
  const more = { refunds: [] as number[], failed: [] as number[] };
  txns.forEach((t, i) => {
    if (t.txnType === 'void') out.voids.push(i);
    else if (t.txnType === 'refund') more.refunds.push(i);
    else if (t.status === 'failed') more.failed.push(i);
    else if (t.refNo === null || voided.has(t.refNo)) return;
    else if (refunded.has(t.refNo)) out.refundedSales.push(i);
    else out.plain.push(i);
  });
  return { ...out, ...more };
}

/**
 * Changes to a generated month: rows are picked by index (each at most once), replaced in place, and
 * new rows are kept aside until `rows()`, so the indexes stay valid while injecting.
 */
class MonthEditor {
  readonly roles: ReturnType<typeof roles>;
  private readonly extra: PosTxn[] = [];
  private readonly used = new Set<number>();
  private added = 0;

  constructor(
    private readonly txns: PosTxn[],
    readonly startDate: LocalDate,
    private readonly rng: Rng,
    /** First digits of the 参考号 of added rows (the generator's start with the year's digits and 8). */
    private readonly refPrefix: string,
  ) {
    this.roles = roles(txns);
  }

  day(n: number): LocalDate {
    return addDays(this.startDate, n);
  }

  at(i: number): PosTxn {
    const t = this.txns[i];
    if (!t) throw new Error(`no row ${i}`);
    return t;
  }

  /** Marks a row as changed: it is picked by nothing else. */
  use(i: number): number {
    this.used.add(i);
    return i;
  }

  /** A sale nothing undoes and nothing changed yet, for which `ok` holds, on days [from, to). */
  take(ok: (t: PosTxn) => boolean, from = 0, to = DAYS): number {
    const cands = this.roles.plain.filter((i) => {
      const t = this.at(i);
      return !this.used.has(i) && ok(t) && t.txnTime >= this.day(from) && t.txnTime < this.day(to);
    });
    if (cands.length === 0) throw new Error('the generated month has no sale left for an injection');
    return this.use(this.rng.pick(cands));
  }

  set(i: number, row: PosTxn): PosTxn {
    this.txns[i] = row;
    return row;
  }

  /** Puts `row` where `old` was, among the generated rows or the added ones. */
  replace(old: PosTxn, row: PosTxn): void {
    const list = this.txns.includes(old) ? this.txns : this.extra;
    list[list.indexOf(old)] = row;
  }

  /** A new row `seconds` after `t` on the same day (a new 参考号 and 凭证号). */
  addAfter(t: PosTxn, seconds: number, row: Partial<PosTxn>): PosTxn {
    const [h = 0, m = 0, s = 0] = t.txnTime.slice(11).split(':').map(Number);
    const sec = Math.min(h * 3600 + m * 60 + s + seconds, 86_399);
    const time = `${t.txnTime.slice(0, 11)}${[sec / 3600, (sec % 3600) / 60, sec % 60]
      .map((n) => String(Math.floor(n)).padStart(2, '0'))
      .join(':')}`;
    this.added += 1;
    const copy: PosTxn = {
      ...t,
      txnTime: time,
      refNo: `${this.refPrefix}${String(this.added).padStart(12 - this.refPrefix.length, '0')}`,
      traceNo: String(900000 + this.added),
      ...row,
    };
    this.extra.push(copy);
    return copy;
  }

  /** A void or a full refund of a sale nothing undid yet, as the generator makes them (clean). */
  undo(txnType: 'void' | 'refund'): PosTxn {
    const sale = this.at(this.take((t) => t.txnTime.slice(11) < '21:00:00' && (t.feeFen ?? 0) > 0));
    return this.addAfter(sale, 1800, {
      txnType,
      origRefNo: sale.refNo,
      feeFen: txnType === 'void' ? negFen(sale.feeFen ?? fen(0)) : fen(0),
      settleFen: txnType === 'void' ? negFen(sale.settleFen ?? fen(0)) : negFen(sale.amountFen),
      settleDate: addDays(sale.txnTime.slice(0, 10), 1),
    });
  }

  /** All rows, the added ones in time order among the others. */
  rows(): PosTxn[] {
    return [...this.txns, ...this.extra].sort((a, b) => cmp(a.txnTime, b.txnTime)); // stable
  }
}

/**
 * A clean month of `count` rows from `startDate` (31 days): the generator's voids, refunds and failed
 * sales (at least one of each), one sale per channel at an exact half-fen tie, and the bank lines that
 * pay it in full.
 */
export function generateCleanMonth(opts: MonthOptions = {}): GeneratedMonth {
  const startDate = opts.startDate ?? '2026-08-01';
  const e = new MonthEditor(
    generatePosTxns({ ...opts, startDate, days: DAYS }),
    startDate,
    createRng((opts.seed ?? 1) * 5 + 1),
    '998',
  );
  for (const [key, amount] of Object.entries(HALF_FEN)) {
    const i = e.take((t) =>
      key === 'credit' || key === 'debit' ? t.channel === 'card' && t.cardKind === key : t.channel === key,
    );
    e.set(i, repriced(e.at(i), amount));
  }
  if (e.roles.voids.length === 0) e.undo('void');
  if (e.roles.refunds.length === 0) e.undo('refund');
  if (e.roles.failed.length === 0) {
    const t = e.at(e.take((x) => x.txnTime.slice(11) < '21:00:00'));
    e.addAfter(t, 60, { status: 'failed', feeFen: fen(0), settleFen: fen(0), settleDate: null });
  }
  const txns = e.rows();
  return { txns, bankLines: bankFor(txns, opts, startDate) };
}

/**
 * The clean month with every finding kind of FINDING_KINDS injected once (or `kinds` only), and the
 * manifest of the findings reconciliation must give: exactly these, nothing else. Under the book's
 * default card (拉卡拉标准, half-up, refunds return no fee) and the D+1 cycle.
 */
export function generateMonthWithFindings(
  opts: MonthOptions & { kinds?: readonly FindingKind[] } = {},
): InjectedMonth {
  const startDate = opts.startDate ?? '2026-08-01';
  const kinds = new Set(opts.kinds ?? FINDING_KINDS);
  const e = new MonthEditor(
    generateCleanMonth({ ...opts, weekendsAsOne: false }).txns,
    startDate,
    createRng((opts.seed ?? 1) * 7 + 3),
    '999',
  );
  const { plain, refundedSales, voids, refunds, failed } = e.roles;
  const manifest: InjectedFinding[] = [];
  const day = (n: number) => e.day(n);
  const at = (i: number) => e.at(i);
  const take = (ok: (t: PosTxn) => boolean, from?: number, to?: number) => e.take(ok, from, to);
  const note = (kind: FindingKind, ts: readonly PosTxn[], deltaFen: number, date?: LocalDate) =>
    manifest.push({
      kind,
      refNos: ts.flatMap((t) => (t.refNo === null ? [] : [t.refNo])),
      deltaFen,
      date: date ?? ts[0]?.txnTime.slice(0, 10) ?? startDate,
    });
  const isCard = (kind: 'debit' | 'credit') => (t: PosTxn) => t.channel === 'card' && t.cardKind === kind;
  /** Every fee another sale rule of the card gives for this amount: a charge equal to one is a wrong class. */
  const otherFees = (a: number) =>
    new Set([feeAtBp(a, 60), Math.min(feeAtBp(a, 50), DEBIT_CAP_FEN), feeAtBp(a, 50), feeAtBp(a, 38)]);

  // Rate raised: every WeChat sale from the 19th charged 0.55% instead of 0.38% (a void's sale is left
  // alone: its void gives back what it was charged). Rows where both rates give the same fee do not count.
  if (kinds.has('rate_raised')) {
    const raised: PosTxn[] = [];
    // Refunded sales too: a row still charged the old rate would end the run.
    for (const i of [...plain, ...refundedSales].sort((a, b) => a - b)) {
      const t = at(i);
      if (t.channel !== 'wechat' || t.txnTime < day(18)) continue;
      e.use(i);
      const fee = feeAtBp(t.amountFen, 55);
      if (fee === t.feeFen) continue;
      e.set(i, withFee(t, fee));
      raised.push(at(i));
    }
    const deltaFen = raised.reduce((s, t) => s + feeAtBp(t.amountFen, 55) - feeAtBp(t.amountFen, 38), 0);
    note('rate_raised', raised, deltaFen);
  }
  // A fixed ¥3.00 on six Alipay sales over several days; amounts set so no two imply one rate.
  if (kinds.has('per_txn_surcharge')) {
    const rows = [1234, 5678, 23456, 45678, 98765, 156789].map((amount, k) => {
      const i = take((t) => t.channel === 'alipay', 2 + k * 2, 4 + k * 2);
      e.set(i, withFee(repriced(at(i), amount), fixtureFee(fen(amount), 'alipay', 'unknown') + 300));
      return at(i);
    });
    note('per_txn_surcharge', rows, 300 * rows.length);
  }
  if (kinds.has('fee_overcharged')) {
    const i = take(isCard('credit'));
    const t = at(i);
    const fee = t.feeFen ?? 0;
    const extra = [37, 41, 53, 67, 89].find((x) => !otherFees(t.amountFen).has(fee + x)) ?? 97;
    e.set(i, withFee(t, fee + extra));
    note('fee_overcharged', [t], extra);
  }
  if (kinds.has('fee_undercharged')) {
    const i = take((t) => isCard('credit')(t) && (t.feeFen ?? 0) >= 20);
    const t = at(i);
    const fee = t.feeFen ?? 0;
    const less = [7, 9, 11, 13].find((u) => !otherFees(t.amountFen).has(fee - u)) ?? 1;
    e.set(i, withFee(t, fee - less));
    note('fee_undercharged', [t], -less);
  }
  if (kinds.has('wrong_rate_class')) {
    const i = take((t) => isCard('debit')(t) && t.amountFen >= 2000 && t.amountFen < 500_000);
    const t = at(i);
    e.set(i, withFee(t, feeAtBp(t.amountFen, 60)));
    note('wrong_rate_class', [t], feeAtBp(t.amountFen, 60) - feeAtBp(t.amountFen, 50));
  }
  if (kinds.has('cap_not_applied')) {
    const i = take(isCard('debit'));
    e.set(i, withFee(repriced(at(i), 853_000), feeAtBp(853_000, 50)));
    note('cap_not_applied', [at(i)], feeAtBp(853_000, 50) - DEBIT_CAP_FEN);
  }
  // A failed card sale charged its fee anyway; the acquirer takes it back from the next day's money.
  if (kinds.has('fee_on_failed')) {
    const i = failed.find((k) => at(k).channel === 'card') ?? take(isCard('credit'));
    const base = at(i);
    const charged = fixtureFee(base.amountFen, 'card', base.cardKind);
    e.set(i, {
      ...base,
      status: 'failed',
      feeFen: fen(charged),
      settleFen: fen(0 - charged),
      settleDate: addDays(base.txnTime.slice(0, 10), 1),
    });
    e.use(i);
    note('fee_on_failed', [at(i)], charged);
  }
  // A void that gives back none of its sale's fee: the acquirer takes back the whole amount.
  if (kinds.has('void_fee_not_reversed')) {
    const k = voids.find((j) => (at(j).feeFen ?? 0) < 0);
    const v = k === undefined ? e.undo('void') : at(k);
    e.replace(v, { ...v, feeFen: fen(0), settleFen: negFen(v.amountFen) });
    note('void_fee_not_reversed', [v], 0 - (v.feeFen ?? 0));
  }
  // A refund that returns the sale's fee although the contract returns none: the merchant gained.
  if (kinds.has('refund_fee_mismatch')) {
    const saleOf = (r: PosTxn) => e.rows().find((t) => t.txnType === 'sale' && t.refNo === r.origRefNo);
    const k = refunds.find((j) => (saleOf(at(j))?.feeFen ?? 0) > 0);
    const r = k === undefined ? e.undo('refund') : at(k);
    const back: number = saleOf(r)?.feeFen ?? 0;
    e.replace(r, { ...r, feeFen: fen(0 - back), settleFen: fen(back - r.amountFen) });
    note('refund_fee_mismatch', [r], -back);
  }
  // The same card, amount and terminal charged again four minutes later.
  if (kinds.has('duplicate_suspect')) {
    const t = at(take((x) => x.channel === 'card' && x.txnTime.slice(11) < '21:00:00'));
    note('duplicate_suspect', [t, e.addAfter(t, 240, {})], 0);
  }

  const txns = e.rows();
  const bankLines = bankFor(txns, opts, startDate);
  injectBank(bankLines, txns, kinds, day, note);
  return { txns, bankLines, manifest };
}

/**
 * Bank faults, a week apart so none can be taken for another: a short credit (day 8), a credit that
 * never came (day 15), a credit nothing is due for (day 22), an acquirer debit (day 25).
 */
function injectBank(
  lines: BankLine[],
  txns: readonly PosTxn[],
  kinds: ReadonlySet<FindingKind>,
  day: (n: number) => LocalDate,
  note: (kind: FindingKind, ts: readonly PosTxn[], deltaFen: number, date?: LocalDate) => void,
): void {
  const dues = new Set(settlementsByDate(txns).values());
  /** An amount no day's settlement equals, so exact matching cannot take it. */
  const unlike = (amount: number) => {
    let a = amount;
    while (dues.has(a) || dues.has(-a)) a += 1;
    return a;
  };
  const creditOn = (date: LocalDate) => {
    const i = lines.findIndex((l) => l.counterparty === ACQUIRER_NAME && l.txnTime.startsWith(date));
    const l = lines[i];
    if (!l || l.creditFen <= 0) throw new Error(`no settlement credit on ${date}`);
    return { i, l };
  };
  if (kinds.has('settlement_mismatch')) {
    const { i, l } = creditOn(day(7));
    const short = unlike(l.creditFen - 1234);
    lines[i] = { ...l, creditFen: fen(short) };
    note('settlement_mismatch', [], l.creditFen - short, day(7));
  }
  if (kinds.has('settlement_missing')) {
    const { i, l } = creditOn(day(14));
    lines.splice(i, 1);
    note('settlement_missing', [], l.creditFen, day(14));
  }
  const add = (date: LocalDate, credit: number, debit: number, summary: string) => {
    const line: BankLine = {
      txnTime: `${date} 10:30:00`,
      creditFen: fen(credit),
      debitFen: fen(debit),
      balanceFen: null,
      counterparty: ACQUIRER_NAME,
      counterpartyAccount: '3100010001234567890',
      summary,
      currency: 'CNY',
    };
    const at = lines.findIndex((l) => l.txnTime > line.txnTime);
    lines.splice(at < 0 ? lines.length : at, 0, line);
  };
  if (kinds.has('unmatched_acquirer_credit')) {
    const amount = unlike(77_777);
    add(day(21), amount, 0, 'POS结算');
    note('unmatched_acquirer_credit', [], -amount, day(21));
  }
  if (kinds.has('unexpected_deduction')) {
    const amount = unlike(9_900);
    add(day(24), 0, amount, '服务费');
    note('unexpected_deduction', [], amount, day(24));
  }
  rebalance(lines);
}

/** Running balances after lines were changed, added or taken out (the opening balance is kept). */
function rebalance(lines: BankLine[]): void {
  const first = lines[0];
  if (!first) return;
  let balance = (first.balanceFen ?? 0) - first.creditFen + first.debitFen;
  lines.forEach((l, i) => {
    balance += l.creditFen - l.debitFen;
    lines[i] = { ...l, balanceFen: fen(balance) };
  });
}
