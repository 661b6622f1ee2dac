/**
 * What a reader hands over: rows of cells exactly as the file holds them, with where they came from.
 * Readers (electron/io/) only convert formats; everything that decides (header row, mapping,
 * normalisation) is a pure function in shared/import/ working on these rows.
 */

/** A date or date-time cell from a spreadsheet, as the wall-clock value Excel shows (no time zone). */
export type RawDateCell = {
  kind: 'date';
  /** `YYYY-MM-DD HH:mm:ss` (seconds rounded to the nearest second), never shifted through the machine's zone. */
  value: string;
  /** The Excel serial number when the reader knows it. */
  serial?: number;
};

/** An Excel error value such as #N/A or #DIV/0!. */
export type RawErrorCell = { kind: 'error'; value: string };

export type RawCell = string | number | boolean | null | RawDateCell | RawErrorCell;

export type RawRow = {
  /** Sheet name; for CSV the file name. */
  sheet: string;
  /** 1-based row number as the user sees it in Excel (for CSV: the 1-based record line). */
  row: number;
  cells: RawCell[];
};

/** Where a value came from, for error messages and for evidence. `column` is 1-based. */
export type CellLocation = {
  file: string;
  sheet: string;
  row: number;
  column?: number;
  /** The column letter(s) as Excel shows them, e.g. "C". */
  columnLetter?: string;
  /** The header text of that column, when known. */
  header?: string;
};

/**
 * One problem found in a file, always located (file-level problems use row 0). `code` + `params` are
 * for the UI's message catalogue (`import.<code>`); `message` is zh-CN and `messageEn` English, both
 * built by shared/import/issues.ts.
 */
export type ImportIssue = CellLocation & {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** English text of the same message. */
  messageEn?: string;
  /** What the message was built from: field name, the offending value, a reason, column letters. */
  params?: Record<string, string>;
};
