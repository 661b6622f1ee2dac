/**
 * The disputed rows as a formatted workbook: the contract's arithmetic as live formulas (expected =
 * ROUND(amount × rate, 2), raised to the minimum, capped by MIN, plus the fixed part; difference =
 * charged − expected), so the reviewer can check every figure in Excel. Text from imported files is
 * neutralised so that it can never start a formula.
 */
import ExcelJS from 'exceljs';
import type { EvidenceModel, EvidenceTxn } from '../../../shared/domain/evidence';
import { fenToYuanString, type Fen } from '../../../shared/money';
import { CHANNEL_NAMES, KIND_NAMES } from './evidence-text';

const YUAN = '#,##0.00;[Red]-#,##0.00';

/** Text that Excel or WPS could read as a formula (= + - @, or a leading tab / CR) gets a leading apostrophe. */
export function safeText(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Yuan as a spreadsheet number: the output boundary, where Excel's own doubles take over. */
function yuan(value: Fen | null): number | null {
  return value === null ? null : Number(fenToYuanString(value));
}

/** The expected-fee formula for row `r`, or null when no single rule prices the row (then a value). */
function expectedFormula(x: EvidenceTxn, r: number): string | null {
  if (x.ratePercent === null || x.rounding !== 'half_up' || x.txnType !== 'sale' || x.status !== 'success')
    return null;
  let f = `ROUND(G${r}*H${r}/100,2)`;
  if (x.minFen !== null) f = `MAX(${f},${fenToYuanString(x.minFen)})`;
  if (x.capFen !== null) f = `MIN(${f},I${r})`;
  if (x.fixedFen !== null) f = `${f}+${fenToYuanString(x.fixedFen)}`;
  return f;
}

export async function evidenceWorkbook(m: EvidenceModel): Promise<Buffer> {
  const zh = m.language !== 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FeeTrail';
  const ws = wb.addWorksheet(zh ? '争议交易' : 'Disputed transactions', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = [
    { header: zh ? '序号' : 'No.', width: 6 },
    { header: zh ? '差异类型' : 'Finding', width: 14 },
    { header: zh ? '交易时间' : 'Time', width: 20 },
    { header: zh ? '终端' : 'Terminal', width: 11 },
    { header: zh ? '参考号' : 'Ref. no.', width: 15 },
    { header: zh ? '卡号' : 'Card', width: 20 },
    { header: zh ? '交易金额(元)' : 'Amount (yuan)', width: 14, style: { numFmt: YUAN } },
    { header: zh ? '合同费率(%)' : 'Rate (%)', width: 11 },
    { header: zh ? '封顶(元)' : 'Cap (yuan)', width: 10, style: { numFmt: YUAN } },
    { header: zh ? '应收手续费(元)' : 'Expected fee', width: 14, style: { numFmt: YUAN } },
    { header: zh ? '实收手续费(元)' : 'Charged fee', width: 14, style: { numFmt: YUAN } },
    { header: zh ? '差额(元)' : 'Difference', width: 12, style: { numFmt: YUAN } },
    { header: zh ? '渠道' : 'Channel', width: 10 },
    { header: zh ? '计算过程' : 'Arithmetic', width: 48 },
    { header: zh ? '来源文件' : 'Source file', width: 24 },
    { header: zh ? '工作表/行' : 'Sheet / row', width: 14 },
    { header: zh ? '原始单元格' : 'Original cells', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  m.txns.forEach((x, i) => {
    const r = i + 2;
    const formula = expectedFormula(x, r);
    const row = ws.addRow([
      i + 1,
      KIND_NAMES[m.language][m.findings.find((f) => f.id === x.findingId)?.kind ?? ''] ?? '',
      x.txnTime,
      safeText(x.terminalId),
      safeText(x.refNo),
      safeText(x.cardNo),
      yuan(x.amountFen),
      x.ratePercent === null ? null : Number(x.ratePercent),
      yuan(x.capFen),
      formula ? { formula, result: yuan(x.expectedFen) ?? 0 } : yuan(x.expectedFen),
      yuan(x.chargedFen),
      x.chargedFen === null ? null : { formula: `K${r}-J${r}`, result: yuan(x.diffFen) ?? 0 },
      CHANNEL_NAMES[m.language][x.channel] ?? x.channel,
      safeText(zh ? x.arithmeticZh : x.arithmeticEn),
      safeText(x.source.fileName),
      safeText(`${x.source.sheet} / ${x.source.row}`),
      safeText(x.source.cells.map((c) => safeText(c)).join(' | ')),
    ]);
    row.getCell(5).numFmt = '@';
    row.getCell(6).numFmt = '@';
  });
  const last = m.txns.length + 1;
  const totals = ws.addRow([zh ? '合计' : 'Total']);
  for (const col of ['G', 'J', 'K', 'L']) {
    const c = totals.getCell(col);
    c.value = { formula: `SUM(${col}2:${col}${Math.max(2, last)})` };
  }
  totals.font = { bold: true };

  const files = wb.addWorksheet(zh ? '来源文件' : 'Source files');
  files.columns = [
    { header: zh ? '文件名' : 'File', width: 36 },
    { header: 'SHA-256', width: 70 },
    { header: zh ? '导入时间' : 'Imported', width: 20 },
  ];
  files.getRow(1).font = { bold: true };
  for (const f of m.files) files.addRow([safeText(f.fileName), f.sha256, f.importedAt]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
