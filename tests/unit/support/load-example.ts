/**
 * TEST-ONLY loader for ../shared/samples/example-2026-08: turns the two sample workbooks into stored
 * rows for the reconciliation engine. The real import pipeline (header detection, aliases, provenance)
 * lives in shared/import + electron/io; this knows exactly these two layouts and nothing more, so the
 * engine's acceptance test does not depend on work in progress elsewhere.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { absFen, parseMoney, type Fen } from '../../../shared/money';
import type { StoredBankLine, StoredPosTxn } from '../../../shared/domain/reconcile';
import type { CardKind, Channel, TxnStatus, TxnType } from '../../../shared/domain/types';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXAMPLE_DIR = path.resolve(here, '../../../../shared/samples/example-2026-08');

type Cell = ExcelJS.CellValue;

function text(v: Cell): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  return null;
}

function money(v: Cell, where: string): Fen | null {
  const r = parseMoney(typeof v === 'number' || typeof v === 'string' ? v : null);
  if (!r.ok) throw new Error(`${where}: ${r.reason}`);
  return r.value;
}

/** exceljs hands back Excel's wall-clock time as a UTC Date: read its UTC fields, never the local zone. */
function wallClock(v: Cell): string {
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  const s = text(v);
  if (s === null) throw new Error('empty time cell');
  return s.length === 10 ? `${s} 00:00:00` : s;
}

const CHANNEL: Record<string, Channel> = {
  刷卡: 'card',
  微信支付: 'wechat',
  微信: 'wechat',
  支付宝: 'alipay',
  银联二维码: 'unionpay_qr',
};
const CARD_KIND: Record<string, CardKind> = {
  储蓄卡: 'debit',
  借记卡: 'debit',
  信用卡: 'credit',
  贷记卡: 'credit',
};
const TXN_TYPE: Record<string, TxnType> = { 消费: 'sale', 撤销: 'void', 退货: 'refund', 冲正: 'reversal' };
const STATUS: Record<string, TxnStatus> = { 成功: 'success', 失败: 'failed' };

async function sheetRows(file: string): Promise<{ header: string[]; rows: Cell[][]; headerRow: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file}: no sheet`);
  const all: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as Cell[];
    all.push(values.slice(1));
  });
  // The header is the first row with at least 5 text cells (the bank file has a [HISTORYDETAIL] marker row first).
  const headerRow = all.findIndex((r) => r.filter((c) => typeof c === 'string').length >= 5);
  const header = (all[headerRow] ?? []).map((c) => text(c) ?? '');
  return { header, rows: all.slice(headerRow + 1), headerRow: headerRow + 1 };
}

function column(header: string[], name: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`column ${name} not found in ${header.join(',')}`);
  return i;
}

/** POS rows: amounts as magnitudes; fee and settlement signed as printed (a void prints −amount). */
export async function loadExamplePos(
  file = path.join(EXAMPLE_DIR, 'pos_export.xlsx'),
): Promise<StoredPosTxn[]> {
  const { header, rows, headerRow } = await sheetRows(file);
  const c = (n: string) => column(header, n);
  const out: StoredPosTxn[] = [];
  rows.forEach((r, i) => {
    const where = `pos row ${headerRow + i + 1}`;
    const get = (n: string) => r[c(n)] ?? null;
    const amount = money(get('交易金额'), where);
    if (amount === null) return;
    out.push({
      id: i + 1,
      merchantNo: text(get('商户编号')),
      terminalId: text(get('终端编号')),
      txnTime: wallClock(get('交易时间')),
      cardNo: text(get('卡号')),
      cardKind: CARD_KIND[text(get('卡类型')) ?? ''] ?? 'unknown',
      channel: CHANNEL[text(get('支付方式')) ?? ''] ?? 'card',
      txnType: TXN_TYPE[text(get('交易类型')) ?? ''] ?? 'sale',
      status: STATUS[text(get('交易状态')) ?? ''] ?? 'success',
      amountFen: absFen(amount),
      feeFen: money(get('手续费'), where),
      settleFen: money(get('结算金额'), where),
      settleDate: null,
      refNo: text(get('参考号')),
      origRefNo: text(get('原交易参考号')),
      traceNo: text(get('凭证号')),
      batchNo: text(get('批次号')),
    });
  });
  return out;
}

/** ICBC corporate statement lines (借/贷 flag with 借方发生额 / 贷方发生额). */
export async function loadExampleBank(
  file = path.join(EXAMPLE_DIR, 'bank_icbc_corp.xlsx'),
): Promise<StoredBankLine[]> {
  const { header, rows, headerRow } = await sheetRows(file);
  const c = (n: string) => column(header, n);
  const out: StoredBankLine[] = [];
  rows.forEach((r, i) => {
    const where = `bank row ${headerRow + i + 1}`;
    const get = (n: string) => r[c(n)] ?? null;
    if (text(get('交易时间')) === null) return;
    out.push({
      id: i + 1,
      txnTime: wallClock(get('交易时间')),
      creditFen: money(get('贷方发生额'), where) ?? (0 as Fen),
      debitFen: money(get('借方发生额'), where) ?? (0 as Fen),
      balanceFen: money(get('余额'), where),
      counterparty: text(get('对方单位名称')),
      counterpartyAccount: text(get('对方账号')),
      summary: text(get('摘要')),
      currency: null,
    });
  });
  return out;
}
