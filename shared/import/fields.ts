/**
 * The columns FeeTrail reads from each kind of file. A mapping assigns each field at most one column;
 * columns the app does not need are simply left unmapped.
 */

export const SOURCE_KINDS = ['pos', 'bank'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * `date` holds either a date or a full date-time; `time` is an optional separate time-of-day column.
 * Both kinds share that arrangement (see mapping.ts `dateTimeArrangement`).
 */
export const POS_FIELDS = [
  'merchantNo',
  'terminalId',
  'date',
  'time',
  'cardNo',
  'cardKind',
  'channel',
  'txnType',
  'status',
  'amount',
  'fee',
  'settleAmount',
  'settleDate',
  'refNo',
  'origRefNo',
  'traceNo',
  'batchNo',
] as const;
export type PosField = (typeof POS_FIELDS)[number];

export const BANK_FIELDS = [
  'date',
  'time',
  'credit',
  'debit',
  'amount',
  'direction',
  'balance',
  'counterparty',
  'counterpartyAccount',
  'payer',
  'payerAccount',
  'payee',
  'payeeAccount',
  'summary',
  'purpose',
  'currency',
] as const;
export type BankField = (typeof BANK_FIELDS)[number];

export type AnyField = PosField | BankField;

/** Money fields: parsed with parseMoney, in yuan unless the mapping says fen for that column. */
export const POS_MONEY_FIELDS = ['amount', 'fee', 'settleAmount'] as const satisfies readonly PosField[];
export const BANK_MONEY_FIELDS = [
  'credit',
  'debit',
  'amount',
  'balance',
] as const satisfies readonly BankField[];
export type MoneyField = (typeof POS_MONEY_FIELDS)[number] | (typeof BANK_MONEY_FIELDS)[number];

/**
 * Fields that only one kind of file has. Kind detection counts these; shared words (date, amount)
 * say nothing about the kind.
 */
export const POS_SPECIFIC: readonly PosField[] = [
  'merchantNo',
  'terminalId',
  'cardNo',
  'cardKind',
  'channel',
  'txnType',
  'status',
  'fee',
  'settleAmount',
  'settleDate',
  'refNo',
  'origRefNo',
  'traceNo',
  'batchNo',
];
export const BANK_SPECIFIC: readonly BankField[] = [
  'credit',
  'debit',
  'direction',
  'balance',
  'counterparty',
  'counterpartyAccount',
  'payer',
  'payerAccount',
  'payee',
  'payeeAccount',
  'summary',
  'purpose',
  'currency',
];

/** Display names for messages, zh-CN and en. */
export const FIELD_LABELS: Record<AnyField, { zh: string; en: string }> = {
  merchantNo: { zh: '商户号', en: 'merchant no.' },
  terminalId: { zh: '终端号', en: 'terminal id' },
  date: { zh: '交易日期/时间', en: 'date/time' },
  time: { zh: '交易时间', en: 'time' },
  cardNo: { zh: '卡号', en: 'card no.' },
  cardKind: { zh: '卡类型', en: 'card kind' },
  channel: { zh: '支付方式', en: 'channel' },
  txnType: { zh: '交易类型', en: 'transaction type' },
  status: { zh: '交易状态', en: 'status' },
  amount: { zh: '交易金额', en: 'amount' },
  fee: { zh: '手续费', en: 'fee' },
  settleAmount: { zh: '结算金额', en: 'settlement amount' },
  settleDate: { zh: '结算日期', en: 'settlement date' },
  refNo: { zh: '参考号', en: 'reference no.' },
  origRefNo: { zh: '原参考号', en: 'original reference no.' },
  traceNo: { zh: '凭证号', en: 'trace no.' },
  batchNo: { zh: '批次号', en: 'batch no.' },
  credit: { zh: '收入(贷方)', en: 'credit (money in)' },
  debit: { zh: '支出(借方)', en: 'debit (money out)' },
  direction: { zh: '借贷标志', en: 'debit/credit flag' },
  balance: { zh: '余额', en: 'balance' },
  counterparty: { zh: '对方户名', en: 'counterparty' },
  counterpartyAccount: { zh: '对方账号', en: 'counterparty account' },
  payer: { zh: '付款人名称', en: 'payer' },
  payerAccount: { zh: '付款人账号', en: 'payer account' },
  payee: { zh: '收款人名称', en: 'payee' },
  payeeAccount: { zh: '收款人账号', en: 'payee account' },
  summary: { zh: '摘要', en: 'summary' },
  purpose: { zh: '用途/附言', en: 'purpose/note' },
  currency: { zh: '币种', en: 'currency' },
};
