import type { TFunction } from 'i18next';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../../../shared/domain/types';
import type { CardKind, Channel, TxnStatus, TxnType } from '../../../shared/domain/types';
import { fen } from '../../../shared/fen';
import { formatFen } from '../format/number';

/** The columns a POS transaction and a bank line show, in the order a bookkeeper reads them. */
export const POS_COLUMNS = [
  'txnTime',
  'terminalId',
  'cardNo',
  'cardKind',
  'channel',
  'txnType',
  'status',
  'amountFen',
  'feeFen',
  'settleFen',
  'refNo',
] as const;
/** More of a transaction, shown in its detail. */
export const POS_DETAIL_COLUMNS = [
  ...POS_COLUMNS,
  'merchantNo',
  'settleDate',
  'origRefNo',
  'traceNo',
  'batchNo',
] as const;
export const BANK_COLUMNS = [
  'txnTime',
  'summary',
  'counterparty',
  'creditFen',
  'debitFen',
  'balanceFen',
] as const;
export const BANK_DETAIL_COLUMNS = [...BANK_COLUMNS, 'counterpartyAccount', 'currency'] as const;

export type PosColumn = (typeof POS_DETAIL_COLUMNS)[number];
export type BankColumn = (typeof BANK_DETAIL_COLUMNS)[number];
export type LedgerColumn = PosColumn | BankColumn;

export function isMoneyColumn(column: string): boolean {
  return column.endsWith('Fen');
}

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** A stored value as the user reads it: money as ¥1,234.56, codes in words, empty as blank. */
export function ledgerText(t: TFunction, column: LedgerColumn, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (isMoneyColumn(column) && typeof value === 'number' && Number.isSafeInteger(value))
    return formatFen(fen(value));
  if (column === 'cardKind' && includes<CardKind>(CARD_KINDS, value)) return t(`ledger.cardKinds.${value}`);
  if (column === 'channel' && includes<Channel>(CHANNELS, value)) return t(`ledger.channels.${value}`);
  if (column === 'txnType' && includes<TxnType>(TXN_TYPES, value)) return t(`ledger.txnTypes.${value}`);
  if (column === 'status' && includes<TxnStatus>(TXN_STATUSES, value)) return t(`ledger.statuses.${value}`);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/** Table cell class: numbers right-aligned, negatives red. */
export function ledgerCellClass(column: LedgerColumn, value: unknown): string | undefined {
  if (!isMoneyColumn(column)) return column === 'txnTime' || column === 'refNo' ? 'mono' : undefined;
  return typeof value === 'number' && value < 0 ? 'num negative' : 'num';
}
