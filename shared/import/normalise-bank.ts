/**
 * One bank statement row → BankLine, or located issues, or "skip: zero amount".
 *
 * Amount arrangements (see mapping-schema.ts):
 * - split columns (收入/支出, 贷方/借方, 转入/转出): a value in the credit column is money in, in the
 *   debit column money out. Some banks print money out as −13.40 in the 支出 column: the sign there is
 *   decoration, the column decides. A negative in the 收入 column is money out (a reversed credit).
 *   Both columns non-zero is an error; both zero is a zero-amount line, skipped and reported.
 * - one signed column (ABC: −4.00 / +500.00): negative is money out.
 * - one column + 借/贷 flag: the flag decides, the sign is ignored.
 * An unreadable 余额 is a warning and the balance is left empty (ICBC's anonymised sample prints
 * `xx,yyyy.zz`): the balance is a cross-check, not the transaction.
 * summary joins 摘要 and 用途/附言 when both are mapped and differ ("POS结算 / 货款").
 * A statement with 付款人/收款人 columns instead of 对方: the counterparty of money in is its payer, of
 * money out its payee.
 */
import type { BankLine } from '../domain/types';
import { absFen, fen, negFen, type Fen } from '../money';
import type { Direction } from './aliases-bank';
import type { BankMapping } from './mapping-schema';
import type { ImportIssue, RawRow } from './raw';
import { createReaderContext, RowReader } from './row-reader';
import type { UserValueMaps } from './value-maps';

export type BankRowResult =
  | { ok: true; record: BankLine; warnings: ImportIssue[] }
  | { ok: false; issues: ImportIssue[] }
  | { ok: 'zero'; warnings: ImportIssue[] };

type Amount = { direction: Direction; fen: Fen } | 'zero' | undefined;

function splitAmount(r: RowReader): Amount {
  const credit = r.has('credit') ? r.money('credit') : null;
  const debit = r.has('debit') ? r.money('debit') : null;
  if (credit === undefined || debit === undefined) return undefined;
  const c = credit ?? 0;
  const d = debit ?? 0;
  if (c !== 0 && d !== 0) {
    r.issue('credit', 'error', 'both_amounts', {
      value: `${r.text('credit') ?? ''} / ${r.text('debit') ?? ''}`,
    });
    return undefined;
  }
  if (c !== 0) return c > 0 ? { direction: 'credit', fen: c } : { direction: 'debit', fen: negFen(c) };
  if (d !== 0) return { direction: 'debit', fen: absFen(d) };
  if (credit === null && debit === null) {
    r.issue(r.has('credit') ? 'credit' : 'debit', 'error', 'no_amount');
    return undefined;
  }
  return 'zero';
}

function singleAmount(r: RowReader, user: UserValueMaps): Amount {
  const amount = r.money('amount');
  if (amount === undefined) return undefined;
  if (amount === null) {
    r.issue('amount', 'error', 'no_amount');
    return undefined;
  }
  if (r.has('direction')) {
    const flag = r.code('direction', user);
    if (flag === null) r.issue('direction', 'error', 'missing_value', { field: 'direction' });
    if (flag === null || flag === undefined) return undefined;
    return amount === 0 ? 'zero' : { direction: flag, fen: absFen(amount) };
  }
  if (amount === 0) return 'zero';
  return amount > 0 ? { direction: 'credit', fen: amount } : { direction: 'debit', fen: negFen(amount) };
}

function joinSummary(r: RowReader): string | null {
  const parts = [r.tidy('summary'), r.tidy('purpose')].filter((p): p is string => p !== null);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length === 0 ? null : unique.join(' / ');
}

/** A row normaliser for one file: the per-mapping work is done once, here. */
export function createBankRowNormaliser(m: BankMapping, file: string): (row: RawRow) => BankRowResult {
  const ctx = createReaderContext(m, file);
  const user: UserValueMaps = m.valueMaps;
  return (row) => readBankRow(new RowReader(ctx, row), user);
}

/** One row, for previews and tests; use createBankRowNormaliser for a whole file. */
export function normaliseBankRow(m: BankMapping, file: string, row: RawRow): BankRowResult {
  return createBankRowNormaliser(m, file)(row);
}

function readBankRow(r: RowReader, user: UserValueMaps): BankRowResult {
  const txnTime = r.dateTime();
  const split = r.has('credit') || r.has('debit');
  const amount = split ? splitAmount(r) : singleAmount(r, user);
  const balance = r.money('balance', true);

  if (r.issues.some((i) => i.severity === 'error') || txnTime === undefined || amount === undefined) {
    return { ok: false, issues: r.issues };
  }
  if (amount === 'zero') return { ok: 'zero', warnings: r.issues };
  const credit = amount.direction === 'credit';
  const record: BankLine = {
    txnTime,
    creditFen: credit ? amount.fen : fen(0),
    debitFen: credit ? fen(0) : amount.fen,
    balanceFen: balance ?? null,
    counterparty: r.tidy('counterparty') ?? r.tidy(credit ? 'payer' : 'payee'),
    counterpartyAccount: r.text('counterpartyAccount') ?? r.text(credit ? 'payerAccount' : 'payeeAccount'),
    summary: joinSummary(r),
    currency: r.text('currency'),
  };
  return { ok: true, record, warnings: r.issues };
}
