import type { ReadRefusalReason } from '../../../../shared/import/refusals';

/**
 * Why a file was refused as a whole, by `details.reason` (spread into `errors.read` of zh-CN.ts).
 * Placeholders: {{file}}, {{sheet}}, {{row}}, {{column}} (the letter), {{limit}}, {{detected}}; a
 * message whose placeholder the error does not carry falls back to the code's general message.
 */
export const readRefusalsZhCN: Record<ReadRefusalReason, string> = {
  missing: '找不到文件“{{file}}”，或者没有权限读取它。请确认文件还在原来的位置，然后重新选择。',
  empty_file: '“{{file}}”是空文件，没有任何内容。请重新从后台导出后再导入。',
  empty_sheet: '“{{file}}”的工作表“{{sheet}}”是空的。请选择有数据的工作表。',
  no_sheets: '“{{file}}”里没有含数据的工作表。',
  sheet_not_found: '“{{file}}”里没有名为“{{sheet}}”的工作表。',
  truncated:
    '“{{file}}”已损坏或不完整（下载或复制时可能中断了）。请重新导出或重新下载后再导入，账本没有改动。',
  corrupt: '“{{file}}”已损坏，无法读取，账本没有改动。请用 Excel 或 WPS 打开它并另存为 .xlsx，再导入。',
  unsafe_xml:
    '“{{file}}”里有 Excel 从不写入的 XML 声明（DTD），可能藏有攻击内容，所以被拒绝。请用 Excel 或 WPS 打开并另存为 .xlsx，再导入。',
  unsafe_path:
    '“{{file}}”里有一个名为“{{detected}}”的部件，指向工作簿以外的位置（“zip slip”攻击，Excel 从不这样写）。文件被拒绝，其中的内容没有被打开或解压。',
  encrypted: '“{{file}}”设置了密码。请在 Excel 或 WPS 中取消密码并另存，再导入。',
  zip_bomb: '“{{file}}”解压后会异常巨大（疑似“压缩炸弹”），已拒绝，账本没有改动。',
  too_many_entries: '“{{file}}”包含超过 {{limit}} 个部件，不像正常的导出文件，已拒绝。',
  file_too_big: '“{{file}}”超过了允许的大小（{{limit}} 字节）。请缩小导出的日期范围后再导入。',
  too_many_rows:
    '“{{file}}”的工作表“{{sheet}}”超过了 {{limit}} 行的上限。请按日期分段导出，再分别导入（重叠的部分不会重复）。',
  too_many_columns:
    '“{{file}}”的工作表“{{sheet}}”第 {{row}} 行用到了第 {{column}} 列，超过了 {{limit}} 列的上限，已拒绝。',
  csv_syntax:
    '“{{file}}”不是有效的 CSV：从第 {{row}} 行开始的记录格式有误，通常是某个引号（"）没有闭合。请用文本编辑器修正后再导入。',
  unknown_encoding: '无法识别为“{{file}}”选择的文字编码。请在预览中选择 GBK 或 UTF-8。',
  pdf: '“{{file}}”是 PDF 文件，不是表格。请从后台导出 Excel（.xlsx、.xls）或 CSV 文件再导入。',
  image: '“{{file}}”是图片，不是表格。请从后台导出 Excel（.xlsx、.xls）或 CSV 文件再导入。',
  binary: '“{{file}}”不是表格文件（内容是二进制数据）。请确认选对了文件。',
  html: '“{{file}}”其实是网页（HTML/XML）文件，只是用了表格的扩展名。请用 Excel 或 WPS 打开并另存为 .xlsx，再导入。',
  not_a_workbook: '“{{file}}”是压缩包或其他文档，不是 Excel 工作簿。请选择 .xlsx、.xls 或 .csv 文件。',
  extension_mismatch:
    '“{{file}}”的扩展名是 Excel，内容却是纯文本。如果它是 CSV 导出，请把扩展名改为 .csv 后再导入。',
  out_of_memory:
    '读取“{{file}}”需要的内存超过了 {{limit}} MB 的上限（某个单元格或某一行异常巨大），没有导入任何内容。',
};

/** A file whose data rows have problems (`import_invalid`); {{first}} is the first problem, located. */
export const invalidRowsZhCN = '“{{file}}”的数据中有 {{n}} 处问题，没有导入任何内容。第一处：{{first}}';
