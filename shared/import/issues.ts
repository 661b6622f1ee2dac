/**
 * Every problem the import finds, as data: a code the UI can translate, the params it needs, and two
 * ready messages, `message` in zh-CN (the bookkeeper's language; the CLI prints it) and `messageEn`.
 * Each message says where (row, column letter, header text), what, and when useful what to do next.
 *
 * Decision: code + params are the contract (renderer catalogues key on `import.<code>`); the two texts
 * are built here from the same templates so the CLI, logs and tests need no catalogue.
 */
import { FIELD_LABELS, type AnyField } from './fields';
import type { CellLocation, ImportIssue } from './raw';
import { columnLetter } from './text';

export const ISSUE_CODES = [
  'no_header',
  'empty_file',
  'encoding_uncertain',
  'mixed_encoding',
  'kind_uncertain',
  'missing_column',
  'duplicate_column',
  'settle_unclear',
  'column_out_of_range',
  'bad_date',
  'ambiguous_date',
  'bad_time',
  'bad_amount',
  'bad_balance',
  'negative_amount',
  'unknown_value',
  'missing_value',
  'both_amounts',
  'no_amount',
  'duplicate_in_file',
  'defaulted_column',
  'fee_as_deduction',
  'no_fee_columns',
  'paid_not_settled',
  'other_sheets',
  'ref_reused',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = {
  field?: AnyField;
  value?: string;
  /** Why, in zh-CN (or in English only, for bad_amount: parseMoney's reason). */
  reason?: string;
  /** Why, in English, when `reason` is zh-CN. */
  reasonEn?: string;
  columns?: string;
  /** Free extra detail (shown by kind_uncertain when no clue counts are given). */
  detail?: string;
  /** kind_uncertain: how many POS-only and bank-only column names the header has. */
  posClues?: string;
  bankClues?: string;
  /** other_sheets: the other sheets that hold the same kind of data, 、-separated. */
  sheets?: string;
  /** no_header: the hidden sheets FeeTrail did not read, 、-separated. */
  hiddenSheets?: string;
  /** encoding_uncertain: the candidate encodings, best first, comma-separated. */
  candidates?: string;
  /** mixed_encoding: the first UTF-8 line and the first line in another encoding. */
  utf8Line?: string;
  otherLine?: string;
};

type Template = (p: IssueParams, f: { zh: string; en: string }) => { zh: string; en: string };

const q = (v: string | undefined): string => `“${v ?? ''}”`;

const TEMPLATES: Record<IssueCode, Template> = {
  no_header: (p) => {
    const base = {
      zh: '没有找到表头行：前 40 行里认不出交易日期、金额等列名。请在预览中指定表头行，或确认文件是 POS 交易明细或银行流水。',
      en: 'No header row found: none of the first 40 rows names the date, amount and similar columns. Pick the header row in the preview, or check that this is a POS export or a bank statement.',
    };
    if (!p.hiddenSheets) return base;
    // Hidden sheets are never read (a decoy could hide rows from the bookkeeper's eyes): say so.
    return {
      zh: `${base.zh}文件里还有隐藏的工作表（${p.hiddenSheets}），FeeTrail 不读取隐藏的工作表：如果数据在其中，请在 Excel 中取消隐藏并保存后再导入。`,
      en: `${base.en} The file also has hidden sheets (${p.hiddenSheets}), which FeeTrail does not read: if the data is there, unhide the sheet in Excel, save, and import again.`,
    };
  },
  empty_file: () => ({
    zh: '文件里没有任何内容（只有空行、空白或编码标记），没有可导入的行。请确认导出时选对了日期范围，重新导出后再导入。',
    en: 'The file has no content (only blank lines, spaces or a byte-order mark), so there is nothing to import. Check the date range chosen for the export and export it again.',
  }),
  encoding_uncertain: (p) => ({
    zh: `无法确定文件的文字编码${p.candidates ? `（可能是 ${p.candidates}）` : ''}，按错误的编码读取会把中文变成乱码。请在预览中选择编码：国内银行和 POS 后台导出的 CSV 通常是 GBK（GB18030）。`,
    en: `Cannot tell the file's text encoding${p.candidates ? ` (perhaps ${p.candidates})` : ''}; read in the wrong one, Chinese text turns into garbage. Choose the encoding in the preview: CSVs from Chinese banks and POS back-offices are usually GBK (GB18030).`,
  }),
  mixed_encoding: (p) => ({
    zh: `文件混用了两种文字编码：第 ${p.utf8Line ?? '?'} 行是 UTF-8，第 ${p.otherLine ?? '?'} 行是另一种编码（多半是 GBK），像是两份导出拼在了一起。任何一种编码都会把其中一部分读成乱码，所以不能导入。请分别导出原始文件再导入，或在 Excel 中整理后另存为同一种编码。`,
    en: `The file mixes two text encodings: line ${p.utf8Line ?? '?'} is UTF-8 and line ${p.otherLine ?? '?'} is in another (most likely GBK), as if two exports were pasted together. Any one encoding would turn part of it into garbage, so it cannot be imported. Import the original exports separately, or save the file in one encoding from Excel.`,
  }),
  kind_uncertain: (p) => {
    const counted = p.posClues !== undefined && p.bankClues !== undefined;
    const zh = counted ? `POS 特有列 ${p.posClues} 个，银行流水特有列 ${p.bankClues} 个` : p.detail;
    const en = counted ? `${p.posClues} POS-only and ${p.bankClues} bank-only columns` : p.detail;
    return {
      zh: `无法确定这是 POS 交易明细还是银行流水${zh ? `（${zh}）` : ''}，请在预览中选择。`,
      en: `Cannot tell whether this is a POS export or a bank statement${en ? ` (${en})` : ''}; please choose in the preview.`,
    };
  },
  missing_column: (_p, f) => ({
    zh: `缺少「${f.zh}」列，请在预览中指定对应的列。`,
    en: `No ${f.en} column found; please pick it in the preview.`,
  }),
  duplicate_column: (p, f) => ({
    zh: `有多列都像是「${f.zh}」（${p.columns ?? ''}），请在预览中指定用哪一列。`,
    en: `Several columns look like the ${f.en} (${p.columns ?? ''}); please pick one in the preview.`,
  }),
  settle_unclear: () => ({
    zh: '这一列的金额有的既不等于交易金额，也不等于交易金额减手续费（可能减去了优惠），无法判断它是不是结算金额。请在预览中确认：是扣除手续费后的结算金额，就把它指定为「结算金额」列；是顾客实付的金额（手续费按它计算），就把它指定为「交易金额」列；都不是，就设为不导入',
    en: "some of this column's amounts are neither the amount nor the amount less the fee (perhaps a discount was taken off), so FeeTrail cannot tell whether it is the settlement. Confirm in the preview: the settlement net of fees, pick it as the settlement amount; what the customer paid (the fee reckoned on it), pick it as the amount; neither, leave it unused",
  }),
  column_out_of_range: (p, f) => ({
    zh: `「${f.zh}」指定的列 ${p.columns ?? ''} 不在表头范围内。`,
    en: `The column ${p.columns ?? ''} chosen for the ${f.en} is outside the header.`,
  }),
  bad_date: (p) => ({
    zh: `无法识别日期${q(p.value)}${p.reason ? `（${p.reason}）` : ''}`,
    en: `cannot read the date "${p.value ?? ''}"${p.reasonEn ? ` (${p.reasonEn})` : ''}`,
  }),
  ambiguous_date: (p) => ({
    zh: `日期${q(p.value)}无法判断是月/日/年还是日/月/年，请在预览中选择日期顺序`,
    en: `the date "${p.value ?? ''}" could be month/day/year or day/month/year; please choose the date order in the preview`,
  }),
  bad_time: (p) => ({
    zh: `无法识别时间${q(p.value)}`,
    en: `cannot read the time "${p.value ?? ''}"`,
  }),
  bad_amount: (p) => ({
    zh: `无法识别金额${q(p.value)}`,
    en: `cannot read the amount "${p.value ?? ''}"${p.reason ? ` (${p.reason})` : ''}`,
  }),
  bad_balance: (p) => ({
    zh: `无法识别余额${q(p.value)}，该行余额留空`,
    en: `cannot read the balance "${p.value ?? ''}"; the balance is left empty for this row`,
  }),
  negative_amount: (p) => ({
    zh: `消费交易的金额为负数${q(p.value)}，请核对交易类型`,
    en: `a sale with a negative amount "${p.value ?? ''}"; please check the transaction type`,
  }),
  unknown_value: (p, f) => ({
    zh: `无法识别的${f.zh}${q(p.value)}，请在预览中指定它的含义${p.reason ? `：${p.reason}` : ''}`,
    en: `unknown ${f.en} "${p.value ?? ''}"; please map it in the preview${p.reasonEn ? `: ${p.reasonEn}` : ''}`,
  }),
  missing_value: (_p, f) => ({
    zh: `${f.zh}为空`,
    en: `the ${f.en} is empty`,
  }),
  both_amounts: (p) => ({
    zh: `收入和支出都有金额（${p.value ?? ''}），无法判断方向`,
    en: `both money in and money out have an amount (${p.value ?? ''}); cannot tell the direction`,
  }),
  no_amount: () => ({
    zh: '这一行没有金额',
    en: 'this row has no amount',
  }),
  duplicate_in_file: (p) => ({
    zh: `与第 ${p.value ?? ''} 行是同一笔交易（参考号、终端、类型相同），只会导入一次`,
    en: `the same transaction as row ${p.value ?? ''} (same reference no., terminal and type); it is imported once`,
  }),
  no_fee_columns: () => ({
    zh: '文件中既没有「手续费」列也没有「结算金额」列：手续费无法核对，差额结算的到账金额也无法核对',
    en: 'the file has neither a fee nor a settlement amount column: fees cannot be checked, nor can net settlements',
  }),
  paid_not_settled: () => ({
    zh: '这一列的金额与交易金额相同，是顾客实付的金额，不是扣除手续费后的结算金额：不作为结算金额导入，应到账金额按“交易金额 − 手续费”计算。如果它确实是结算金额，请在预览中把它指定为「结算金额」列',
    en: 'this column holds the same money as the amount: what the customer paid, not the settlement net of fees. It is not imported as the settlement amount; settlements are reckoned as amount − fee. If it is the settlement, pick it as the settlement amount column in the preview',
  }),
  fee_as_deduction: () => ({
    zh: '手续费按扣款记为负数：导入时改为正数记作收取的手续费（撤销退回的手续费记为负数）',
    en: 'fees are printed as money taken (negative): they are stored turned, a fee charged positive and a fee a void gives back negative',
  }),
  ref_reused: (p) => ({
    zh: `参考号 ${p.value ?? ''} 已用于另一天或另一金额的交易（终端的编号会循环使用，有的导出每月从头编号）：作为另一笔交易导入。本文件共 ${p.detail ?? '1'} 行如此`,
    en: `reference no. ${p.value ?? ''} already belongs to a transaction of another day or amount (terminals reuse their numbers; some exports restart them monthly): imported as another transaction. ${p.detail ?? '1'} row(s) of this file are so`,
  }),
  other_sheets: (p) => ({
    zh: `工作簿里的其他工作表（${p.sheets ?? ''}）也有同类数据，这次只导入本表。请在预览中选择工作表，逐个导入`,
    en: `other sheets of the workbook (${p.sheets ?? ''}) hold the same kind of data; only this sheet is imported now. Pick each sheet in the preview and import it in turn`,
  }),
  defaulted_column: (p, f) => ({
    zh: `文件中没有「${f.zh}」列，全部按“${p.value ?? ''}”处理`,
    en: `the file has no ${f.en} column; every row is taken as "${p.value ?? ''}"`,
  }),
};

/** Where an issue is, with column letter and header text filled in from a 0-based column index. */
export function locate(
  file: string,
  sheet: string,
  row: number,
  column?: number,
  header?: string,
): CellLocation {
  if (column === undefined) return { file, sheet, row };
  const loc: CellLocation = { file, sheet, row, column: column + 1, columnLetter: columnLetter(column + 1) };
  if (header !== undefined && header !== '') loc.header = header;
  return loc;
}

function prefix(loc: CellLocation): { zh: string; en: string } {
  if (loc.row <= 0) return { zh: '', en: '' };
  if (loc.columnLetter === undefined) return { zh: `第 ${loc.row} 行：`, en: `Row ${loc.row}: ` };
  const h = loc.header ? `（${loc.header}）` : '';
  const he = loc.header ? ` (${loc.header})` : '';
  return {
    zh: `第 ${loc.row} 行 ${loc.columnLetter} 列${h}：`,
    en: `Row ${loc.row}, column ${loc.columnLetter}${he}: `,
  };
}

/** Builds a located issue with both messages. File-level issues use row 0 (no row prefix). */
export function makeIssue(
  loc: CellLocation,
  severity: ImportIssue['severity'],
  code: IssueCode,
  params: IssueParams = {},
): ImportIssue {
  const label = params.field ? FIELD_LABELS[params.field] : { zh: '', en: '' };
  const text = TEMPLATES[code](params, label);
  const pre = prefix(loc);
  return {
    ...loc,
    severity,
    code,
    params: Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    message: pre.zh + text.zh,
    messageEn: pre.en + text.en,
  };
}
