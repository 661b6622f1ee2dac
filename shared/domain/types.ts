/**
 * The normalised domain records, as stored in the book and passed between layers.
 * Words follow the table in ../shared/DESIGN.md: English in code, Chinese in the UI.
 *
 * Money: integer fen (see shared/money.ts `Fen`). Times: wall-clock China time as text,
 * `YYYY-MM-DD HH:mm:ss` (never a JS Date, never shifted through the machine's zone).
 */
import type { Fen } from '../money';

export const CHANNELS = ['card', 'wechat', 'alipay', 'unionpay_qr'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CARD_KINDS = ['debit', 'credit', 'unknown'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const TXN_TYPES = ['sale', 'void', 'refund', 'reversal'] as const;
export type TxnType = (typeof TXN_TYPES)[number];

export const TXN_STATUSES = ['success', 'failed'] as const;
export type TxnStatus = (typeof TXN_STATUSES)[number];

/** Local date `YYYY-MM-DD`. */
export type LocalDate = string;
/** Local date-time `YYYY-MM-DD HH:mm:ss`, China wall-clock time as printed in the file. */
export type LocalDateTime = string;

/** One POS transaction (交易明细 row) after normalisation. Amounts are positive fen as printed. */
export type PosTxn = {
  merchantNo: string | null;
  terminalId: string | null;
  txnTime: LocalDateTime;
  cardNo: string | null; // masked, as printed (e.g. 622848******1234)
  cardKind: CardKind;
  channel: Channel;
  txnType: TxnType;
  status: TxnStatus;
  amountFen: Fen;
  /**
   * Fee as printed, signed from the merchant's side: > 0 charged, < 0 given back (a void returning its
   * sale's fee). null when the export has no fee column (the fee engine then uses amount − settleFen).
   */
  feeFen: Fen | null;
  /** 结算金额 as printed, signed: < 0 is money the acquirer takes back (a void, a refund, a fee on a failed row). */
  settleFen: Fen | null;
  settleDate: LocalDate | null;
  refNo: string | null; // 参考号, 12 digits, the dispute key
  origRefNo: string | null; // 原参考号 for voids/refunds
  traceNo: string | null;
  batchNo: string | null;
};

/** One bank statement line after normalisation. Exactly one of creditFen/debitFen is non-zero. */
export type BankLine = {
  txnTime: LocalDateTime; // time 00:00:00 when the statement gives only a date
  creditFen: Fen; // 收入 / 贷方 (money in), >= 0
  debitFen: Fen; // 支出 / 借方 (money out), >= 0
  balanceFen: Fen | null;
  counterparty: string | null; // 对方户名
  counterpartyAccount: string | null;
  summary: string | null; // 摘要 / 用途 / 附言
  currency: string | null;
};
