import { z } from 'zod';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../domain/types';
import type { BankLine, PosTxn } from '../domain/types';
import type { RawCell } from '../import/raw';
import { call } from './define';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const fenBound = z.number().int().min(-9e15).max(9e15);

/** Filters shared by both tables; every bound is inclusive. */
const range = {
  from: localDate.optional(),
  to: localDate.optional(),
  minAmountFen: fenBound.optional(),
  maxAmountFen: fenBound.optional(),
  /** Free text: ref no., card, terminal, merchant (POS); summary, counterparty (bank). */
  text: z.string().trim().max(100).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
};

export const txnFilterSchema = z
  .object({
    ...range,
    terminalId: z.string().max(40).optional(),
    channel: z.enum(CHANNELS).optional(),
    cardKind: z.enum(CARD_KINDS).optional(),
    txnType: z.enum(TXN_TYPES).optional(),
    status: z.enum(TXN_STATUSES).optional(),
    sort: z.enum(['time_asc', 'time_desc', 'amount_asc', 'amount_desc']).default('time_asc'),
  })
  .strict();

export const bankFilterSchema = z
  .object({
    ...range,
    direction: z.enum(['credit', 'debit']).optional(),
    sort: z.enum(['time_asc', 'time_desc', 'amount_asc', 'amount_desc']).default('time_asc'),
  })
  .strict();

export type TxnFilter = z.input<typeof txnFilterSchema>;
export type BankFilter = z.input<typeof bankFilterSchema>;

export type StoredTxn = PosTxn & { id: number; batchId: number };
export type StoredBankLine = BankLine & { id: number; batchId: number };

/** Where a stored row came from: the evidence a dispute cites. */
export type Provenance = {
  batchId: number;
  fileName: string;
  sha256: string;
  importedAt: string;
  sheet: string;
  row: number;
  cells: RawCell[];
};

export type Page<T, Totals> = { rows: T[]; total: number; totals: Totals };
export type TxnTotals = { amountFen: number; feeFen: number; settleFen: number };
export type BankTotals = { creditFen: number; debitFen: number };

export const ledgerCalls = {
  'transactions:list': call<Page<StoredTxn, TxnTotals>>()(txnFilterSchema),
  'transactions:get': call<{ txn: StoredTxn; provenance: Provenance }>()(
    z.object({ id: z.number().int().min(1) }).strict(),
  ),
  /** Terminals seen in the book, for the filter menu. */
  'transactions:terminals': call<string[]>()(z.object({}).strict()),
  'bank:list': call<Page<StoredBankLine, BankTotals>>()(bankFilterSchema),
  'bank:get': call<{ line: StoredBankLine; provenance: Provenance }>()(
    z.object({ id: z.number().int().min(1) }).strict(),
  ),
};
