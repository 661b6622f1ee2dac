/**
 * One POS export row → PosTxn, or located issues.
 *
 * Decisions (each visible to the user as a warning or an error, never silent):
 * - amountFen is positive: a void or refund printed as −47.39 is stored as 4739, its type says the
 *   direction. A negative sale is an error (probably a mislabelled refund).
 * - feeFen and settleFen are kept as printed, sign included: a void's negative 结算金额 is money the
 *   acquirer takes back, and settlement matching needs it. Only an export that prints fees as money
 *   taken (mapping.feeSign 'deduction', a warning in the preview) has its fees turned.
 * - No 交易类型 column: every row is a sale; no 交易状态 column: every row succeeded; no 支付方式
 *   column: every row is a card payment (validateMapping warns about each once). An empty 支付方式
 *   cell on a row with a card number or card kind is a card payment; otherwise it is an error.
 * - An empty 卡类型 is 'unknown' (QR payments have none); an unrecognised one is an error the user maps.
 * - A 交易类型 that moves no money (预授权, 预授权撤销, 余额查询) is not a transaction: the row is skipped
 *   and reported (`not_payment`), unless the user mapped that value.
 */
import type { CardKind, Channel, PosTxn, TxnStatus, TxnType } from '../domain/types';
import { negFen, type Fen } from '../money';
import type { PosMapping } from './mapping-schema';
import type { ImportIssue, RawRow } from './raw';
import { createReaderContext, RowReader } from './row-reader';
import type { UserValueMaps } from './value-maps';
import { movesNoMoney } from './aliases-pos';
import { normaliseValue } from './text';

export type PosRowResult =
  | { ok: true; record: PosTxn; warnings: ImportIssue[] }
  | { ok: false; issues: ImportIssue[] }
  | { ok: 'not_payment' };

/** A row normaliser for one file: the per-mapping work is done once, here. */
export function createPosRowNormaliser(m: PosMapping, file: string): (row: RawRow) => PosRowResult {
  const ctx = createReaderContext(m, file);
  const user: UserValueMaps = m.valueMaps;
  const turnFee = m.feeSign === 'deduction';
  // A file repeats a handful of 交易类型 texts: whether each moves no money is worked out once.
  const noMoney = new Map<string, boolean>();
  const movesNothing = (typeText: string): boolean => {
    let v = noMoney.get(typeText);
    if (v === undefined) {
      const key = normaliseValue(typeText);
      const taught = user.txnType !== undefined && Object.prototype.hasOwnProperty.call(user.txnType, key);
      v = !taught && movesNoMoney(key);
      if (noMoney.size < TYPE_CACHE_LIMIT) noMoney.set(typeText, v);
    }
    return v;
  };
  return (row) => readPosRow(new RowReader(ctx, row), movesNothing, user, turnFee);
}

const TYPE_CACHE_LIMIT = 1000;

/** One row, for previews and tests; use createPosRowNormaliser for a whole file. */
export function normalisePosRow(m: PosMapping, file: string, row: RawRow): PosRowResult {
  return createPosRowNormaliser(m, file)(row);
}

function readPosRow(
  r: RowReader,
  movesNothing: (typeText: string) => boolean,
  user: UserValueMaps,
  turnFee: boolean,
): PosRowResult {
  // A hold or an inquiry is no payment: skipped and reported, unless the user said what it is.
  const typeText = r.has('txnType') ? r.text('txnType') : null;
  if (typeText !== null && movesNothing(typeText)) return { ok: 'not_payment' };
  const txnTime = r.dateTime();

  let txnType: TxnType | null | undefined = r.has('txnType') ? r.code('txnType', user) : 'sale';
  if (txnType === null) {
    r.issue('txnType', 'error', 'missing_value', { field: 'txnType' });
    txnType = undefined;
  }
  let status: TxnStatus | null | undefined = r.has('status') ? r.code('status', user) : 'success';
  if (status === null) {
    r.issue('status', 'error', 'missing_value', { field: 'status' });
    status = undefined;
  }
  const cardNo = r.text('cardNo');
  const kind = r.has('cardKind') ? r.code('cardKind', user) : null;
  const cardKind: CardKind | undefined = kind === undefined ? undefined : (kind ?? 'unknown');
  let channel: Channel | null | undefined = r.has('channel') ? r.code('channel', user) : 'card';
  if (channel === null) {
    if (cardNo !== null || (kind !== null && kind !== undefined)) channel = 'card';
    else {
      r.issue('channel', 'error', 'missing_value', { field: 'channel' });
      channel = undefined;
    }
  }

  let amountFen: Fen | null | undefined = r.money('amount');
  if (amountFen === null) {
    r.issue('amount', 'error', 'missing_value', { field: 'amount' });
    amountFen = undefined;
  } else if (amountFen !== undefined && amountFen < 0) {
    if (txnType === 'sale') {
      r.issue('amount', 'error', 'negative_amount', { value: r.text('amount') ?? '' });
      amountFen = undefined;
    } else {
      amountFen = negFen(amountFen);
    }
  }
  const printedFee = r.money('fee');
  const feeFen = turnFee && typeof printedFee === 'number' ? negFen(printedFee) : printedFee;
  const settleFen = r.money('settleAmount');
  const settleDate = r.dateOnly('settleDate');

  if (r.issues.some((i) => i.severity === 'error')) return { ok: false, issues: r.issues };
  if (
    txnTime === undefined ||
    txnType === undefined ||
    status === undefined ||
    channel === undefined ||
    cardKind === undefined ||
    amountFen === undefined ||
    feeFen === undefined ||
    settleFen === undefined ||
    settleDate === undefined
  ) {
    // Every undefined above recorded an error; this line only narrows the types.
    return { ok: false, issues: r.issues };
  }
  const record: PosTxn = {
    merchantNo: r.text('merchantNo'),
    terminalId: r.text('terminalId'),
    txnTime,
    cardNo,
    cardKind,
    channel,
    txnType,
    status,
    amountFen,
    feeFen,
    settleFen,
    settleDate,
    refNo: r.text('refNo'),
    origRefNo: r.text('origRefNo'),
    traceNo: r.text('traceNo'),
    batchNo: r.text('batchNo'),
  };
  return { ok: true, record, warnings: r.issues };
}
