import type { ReadRefusalReason } from '../../../../shared/import/refusals';

/** Why a file was refused as a whole (spread into `errors.read` of en.ts); see refusals.zh-CN.ts. */
export const readRefusalsEn: Record<ReadRefusalReason, string> = {
  missing: '“{{file}}” cannot be found or read. Check that the file is still where it was and pick it again.',
  empty_file: '“{{file}}” is empty: it has no content at all. Export it again from the back-office.',
  empty_sheet: 'Sheet “{{sheet}}” of “{{file}}” is empty. Pick a sheet with data.',
  no_sheets: '“{{file}}” has no worksheet with data.',
  sheet_not_found: '“{{file}}” has no sheet named “{{sheet}}”.',
  truncated:
    '“{{file}}” is damaged or incomplete (the download or copy may have been cut short). Export or download it again; the book is unchanged.',
  corrupt:
    '“{{file}}” is damaged and cannot be read; the book is unchanged. Open it in Excel or WPS, save it as .xlsx and import that.',
  unsafe_xml:
    '“{{file}}” contains an XML declaration (DTD) that Excel never writes and that can hide an attack, so it is refused. Open it in Excel or WPS, save it as .xlsx and import that.',
  unsafe_path:
    '“{{file}}” holds a part named “{{detected}}” that points outside the workbook (a “zip slip” attack; Excel never writes such names). The file is refused; nothing in it was opened or extracted.',
  encrypted:
    '“{{file}}” is password-protected. Remove the password in Excel or WPS, save it and import it again.',
  zip_bomb:
    '“{{file}}” would expand to an abnormal size (a “zip bomb”), so it is refused; the book is unchanged.',
  too_many_entries: '“{{file}}” holds more than {{limit}} parts, unlike any export, so it is refused.',
  file_too_big:
    '“{{file}}” is larger than allowed ({{limit}} bytes). Export a shorter date range and import that.',
  too_many_rows:
    'Sheet “{{sheet}}” of “{{file}}” has more than the limit of {{limit}} rows. Export it in date ranges and import each (overlaps are not doubled).',
  too_many_columns:
    'Row {{row}} of sheet “{{sheet}}” in “{{file}}” reaches column {{column}}, beyond the limit of {{limit}} columns, so the file is refused.',
  csv_syntax:
    '“{{file}}” is not valid CSV: the record starting on line {{row}} is malformed, usually a quote (") that is never closed. Fix it in a text editor and import again.',
  unknown_encoding: 'The text encoding chosen for “{{file}}” is unknown. Pick GBK or UTF-8 in the preview.',
  pdf: '“{{file}}” is a PDF, not a spreadsheet. Export Excel (.xlsx, .xls) or CSV from the back-office and import that.',
  image:
    '“{{file}}” is an image, not a spreadsheet. Export Excel (.xlsx, .xls) or CSV from the back-office and import that.',
  binary: '“{{file}}” is not a spreadsheet (it holds binary data). Check that you picked the right file.',
  html: '“{{file}}” is really a web page (HTML/XML) under a spreadsheet name. Open it in Excel or WPS, save it as .xlsx and import that.',
  not_a_workbook:
    '“{{file}}” is an archive or another kind of document, not an Excel workbook. Pick a .xlsx, .xls or .csv file.',
  extension_mismatch:
    '“{{file}}” is named like an Excel workbook but holds plain text. If it is a CSV export, rename it to .csv and import it again.',
  out_of_memory:
    'Reading “{{file}}” needs more than the {{limit}} MB allowed (a cell or row far larger than any export has); nothing was imported.',
};

export const invalidRowsEn =
  '“{{file}}” has {{n}} problem(s) in its data; nothing was imported. First: {{first}}';
