/**
 * Refinements of a suggested POS mapping that only the data rows can decide: a column whose name may
 * mean two things (实收金额), and coded columns under names no alias has (收款通道 holding 微信/支付宝).
 * Each decides only when the sample leaves no doubt; otherwise the mapping stays as the header said
 * and the preview asks or warns as before.
 */
import { SETTLE_OR_PAID_HEADERS } from './aliases-pos';
import { parseMomentCell, type DateOptions } from './dates';
import type { AnyField, MoneyField } from './fields';
import { parseMoney } from '../money-parse';
import type { RawRow } from './raw';
import { cellText, normaliseHeader } from './text';
import { lookupValue, type ValueField } from './value-maps';

type Fields = Partial<Record<AnyField, number>>;
type Units = Partial<Record<MoneyField, 'yuan' | 'fen'>>;

/** A header that may name the net settlement or what the customer paid (实收金额). */
export const isSettleOrPaid = (header: string | undefined): boolean =>
  header !== undefined && (SETTLE_OR_PAID_HEADERS as readonly string[]).includes(normaliseHeader(header));

/**
 * The sample's transaction rows: those whose date cell holds a date (an unresolved day order counts).
 * A 合计 row sums the money columns and a note has none, so neither may speak for the columns.
 */
export function datedRows(rows: readonly RawRow[], dateCol: number | undefined, opts: DateOptions): RawRow[] {
  if (dateCol === undefined) return [];
  return rows.filter((r) => {
    const d = parseMomentCell(r.cells[dateCol] ?? null, opts);
    return d.ok || d.reason === 'ambiguous_order';
  });
}

function money(r: RawRow, col: number, unit: 'yuan' | 'fen' = 'yuan'): number | null {
  const cell = r.cells[col];
  const p = parseMoney(typeof cell === 'number' ? cell : cellText(cell ?? null), { unit });
  return p.ok ? p.value : null;
}

/**
 * What a settlement column whose name may also mean what the customer paid (实收金额) holds, by the
 * sample's sales that print it: `net` when each is its amount less its fee (or, without a fee column,
 * not its amount); `paid` when each is its amount itself, fee or no fee, so it is not the settlement
 * (taken as one, every day's settlement would look short by the day's fees; without it settlements are
 * reckoned as amount − fee, as for any export without the column); `unclear` when some sale's is
 * neither (a discount taken off, 商户优惠: then the fee may be reckoned on it, not on the amount), which
 * the user must settle. null: not such a column, or no sale to tell by. `rows`: datedRows.
 */
export function settleOrPaid(
  headers: readonly string[],
  rows: readonly RawRow[],
  fields: Fields,
  units: Units,
): 'net' | 'paid' | 'unclear' | null {
  const col = fields.settleAmount;
  const amountCol = fields.amount;
  if (col === undefined || amountCol === undefined || !isSettleOrPaid(headers[col])) return null;
  const typeCol = fields.txnType;
  const feeCol = fields.fee;
  const seen = { net: 0, paid: 0, other: 0 };
  for (const r of rows) {
    const type = typeCol === undefined ? null : cellText(r.cells[typeCol] ?? null);
    if (type !== null && lookupValue('txnType', type) !== 'sale') continue;
    const amount = money(r, amountCol, units.amount);
    const paid = money(r, col, units.settleAmount);
    if (amount === null || amount <= 0 || paid === null || paid === 0) continue;
    const fee = feeCol === undefined ? null : money(r, feeCol, units.fee);
    if (fee === 0) continue; // amount and amount − fee agree: it tells nothing
    if (paid === amount) seen.paid += 1;
    else if (fee === null || paid === amount - Math.abs(fee)) seen.net += 1;
    else seen.other += 1;
  }
  if (seen.other > 0 || (seen.net > 0 && seen.paid > 0)) return 'unclear';
  return seen.paid > 0 ? 'paid' : seen.net > 0 ? 'net' : null;
}

/** The coded POS fields a file may leave unnamed; without a column each is defaulted (see mapping.ts). */
const CODED: readonly ValueField[] = ['channel', 'status', 'txnType', 'cardKind'];
/** A coded column repeats a handful of values; a column of more is names or notes. */
const MAX_DISTINCT = 20;
/** Data rows the sample must hold before its values decide anything. */
const MIN_ROWS = 5;

/**
 * Columns the header named nothing for, whose values say which coded field they hold: every value of
 * the sample's data rows (rows with an amount) is one FeeTrail knows for that field, the column is
 * filled on nearly all of them (a type or status is never left blank), and it repeats few values. So
 * a 收款通道 column of 微信/支付宝/云闪付 is the channel, and an 订单状态 of 支付成功/交易关闭 the status,
 * instead of every row being taken as a card sale that succeeded. A column whose values would serve
 * two fields (支付宝 reads as a channel and, by its 支付, as a sale) is given to neither, and two
 * columns fitting one field give it to neither: the field keeps its default and its warning.
 * `rows`: datedRows.
 */
export function valueColumnsByContent(rows: readonly RawRow[], fields: Fields, units: Units): Fields {
  const amountCol = fields.amount;
  if (amountCol === undefined) return {};
  const data = rows.filter((r) => {
    const a = money(r, amountCol, units.amount);
    return a !== null && a !== 0;
  });
  if (data.length < MIN_ROWS) return {};
  const open = CODED.filter((f) => fields[f] === undefined);
  if (open.length === 0) return {};
  const taken = new Set(Object.values(fields));
  const width = Math.max(...data.map((r) => r.cells.length));
  const fits = new Map<ValueField, number[]>();
  for (let col = 0; col < width; col++) {
    if (taken.has(col)) continue;
    const values = data.flatMap((r) => {
      const t = cellText(r.cells[col] ?? null);
      return t === null ? [] : [t];
    });
    const distinct = new Set(values);
    if (values.length * 10 < data.length * 9 || distinct.size > MAX_DISTINCT) continue;
    const serves = open.filter((f) => [...distinct].every((v) => lookupValue(f, v) !== null));
    if (serves.length !== 1) continue;
    const field = serves[0] as ValueField;
    fits.set(field, [...(fits.get(field) ?? []), col]);
  }
  const out: Fields = {};
  for (const [field, cols] of fits) if (cols.length === 1) out[field] = cols[0];
  return out;
}
