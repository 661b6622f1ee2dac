/**
 * How bank statements name their columns and the 借/贷 flag. Ordered lists: an earlier alias is a
 * stronger match. Written from the layouts in shared/samples/bank (ICBC, CCB, ABC, CMB, SPDB, PSBC,
 * personal and corporate) and the usual variants of the same words.
 */
import type { BankField } from './fields';

export const BANK_HEADER_ALIASES: Record<BankField, readonly string[]> = {
  date: [
    '交易日期',
    '交易日',
    '日期',
    '交易日期时间',
    '发生日期',
    '记账日期',
    '记账日',
    '入账日期',
    '交易时间',
    '记账时间',
  ],
  time: ['交易时间', '时间', '交易时刻', '交易时间戳'],
  // 记账金额 (booked, in the account's currency) before 交易金额 (in the transaction's currency): ICBC
  // personal statements fill only the booked columns for some lines.
  credit: [
    '收入',
    '收入金额',
    '贷方发生额',
    '贷方金额',
    '转入金额',
    '存入金额',
    '记账金额(收入)',
    '交易金额(收入)',
    '贷方发生额(收入)',
    '贷方',
    '来账金额',
    '收款金额',
    '存入',
  ],
  debit: [
    '支出',
    '支出金额',
    '借方发生额',
    '借方金额',
    '转出金额',
    '取出金额',
    '记账金额(支出)',
    '交易金额(支出)',
    '借方发生额(支取)',
    '借方',
    '往账金额',
    '付款金额',
    '支取金额',
    '取出',
  ],
  amount: ['交易金额', '发生额', '金额', '交易发生额', '发生金额', '记账金额'],
  direction: [
    '借贷标志',
    '借/贷',
    '借贷方向',
    '借贷',
    '借贷标识',
    '收支标志',
    '收/支',
    '收支',
    '收支方向',
    '交易方向',
    '方向',
  ],
  balance: ['余额', '账户余额', '本次余额', '交易后余额', '当前余额', '联机余额', '可用余额'],
  counterparty: [
    '对方户名',
    '对方账户名称',
    '对方名称',
    '对方单位名称',
    '对方单位',
    '交易对手名称',
    '收(付)方名称',
    '对方账户名',
    '对方户名称',
    '对手户名',
    '交易对方',
    '对方姓名',
    // 招商银行 corporate; 农业银行 personal puts name and account in one 对手信息 cell.
    '收/付方名称',
    '收付方名称',
    '对手信息',
    '对方信息',
    '交易对手',
  ],
  counterpartyAccount: [
    '对方账号',
    '对方账户',
    '对方卡号',
    '交易对手账号',
    '收(付)方账号',
    '对方账户账号',
    '对手账号',
    '对方卡号/账号',
    '对方账号/卡号',
    '收/付方帐号',
    '收/付方账号',
    '收付方账号',
    '对方帐号',
  ],
  // Statements that name both sides of a transfer instead of 对方 (中国银行 corporate and others).
  payer: [
    '付款人名称',
    '付款方名称',
    '付款人户名',
    '付款方户名',
    '付款单位名称',
    '付方户名',
    '付方名称',
    '付款人',
  ],
  payerAccount: ['付款人账号', '付款方账号', '付款人账户', '付方账号', '付款账号'],
  payee: [
    '收款人名称',
    '收款方名称',
    '收款人户名',
    '收款方户名',
    '收款单位名称',
    '收方户名',
    '收方名称',
    '收款人',
  ],
  payeeAccount: ['收款人账号', '收款方账号', '收款人账户', '收方账号', '收款账号'],
  summary: ['摘要', '交易摘要', '业务摘要', '摘要说明'],
  purpose: [
    '用途',
    '交易用途',
    '附言',
    '交易附言',
    '交易说明',
    '交易备注',
    '备注',
    '其它摘要',
    '扩展摘要',
    '交易详情',
  ],
  currency: ['币种', '记账币种', '交易币种', '币别', '货币'],
};

/**
 * Date headers that name the booking date rather than the moment of the transaction. When a statement
 * has one of these and also a 交易时间 column, the 交易时间 column is the transaction's date-time.
 */
export const BOOKING_DATE_HEADERS: readonly string[] = ['记账日期', '记账日', '入账日期', '记账时间'];

export type Direction = 'credit' | 'debit';

/** 借/贷 flag values (normalised with normaliseValue). 借 = money out (debit), 贷 = money in (credit). */
export const DIRECTION_VALUES: Record<string, Direction> = {
  借: 'debit',
  借方: 'debit',
  支出: 'debit',
  支: 'debit',
  出: 'debit',
  付: 'debit',
  转出: 'debit',
  d: 'debit',
  dr: 'debit',
  debit: 'debit',
  贷: 'credit',
  贷方: 'credit',
  收入: 'credit',
  收: 'credit',
  入: 'credit',
  转入: 'credit',
  c: 'credit',
  cr: 'credit',
  credit: 'credit',
};

export const DIRECTION_KEYWORDS: readonly (readonly [string, Direction])[] = [
  ['借', 'debit'],
  ['支出', 'debit'],
  ['贷', 'credit'],
  ['收入', 'credit'],
];
