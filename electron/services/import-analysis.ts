/**
 * Deciding how a file is read, from its first rows: kind, header, mapping (a saved template first, then
 * the aliases' suggestion), encoding. Nothing here writes; the preview and the import both start here.
 */
import type { ImportOptions } from '../../shared/api/imports';
import type { HeaderCandidate } from '../../shared/import/detect-header';
import { detectHeader, otherDataSheets } from '../../shared/import/detect-header';
import { locate, makeIssue } from '../../shared/import/issues';
import type { IssueCode, IssueParams } from '../../shared/import/issues';
import type { ColumnMapping } from '../../shared/import/mapping-schema';
import { headerSignature } from '../../shared/import/mapping-schema';
import { suggestMapping, validateMapping } from '../../shared/import/mapping';
import type { ImportIssue, RawRow } from '../../shared/import/raw';
import { FeeTrailError } from '../../shared/result';
import type { Book } from '../db/book';
import { findTemplateBySignature } from '../db/template-repo';
import type { SourceFacts } from './sheet-cursors';

/** Blocker codes the UI translates (`importBlocker.<code>`). */
export type Blocker =
  | 'no_header'
  | 'empty_file'
  | 'encoding_mixed'
  | 'kind_uncertain'
  | 'encoding_uncertain'
  | 'mapping_invalid'
  | 'mapping_ambiguous'
  | 'rows_invalid';

export type Analysis = {
  sheet: string;
  header: HeaderCandidate | null;
  kindCertain: boolean;
  mapping: ColumnMapping | null;
  template: { id: number; name: string } | null;
  issues: ImportIssue[];
  blockers: Blocker[];
  /** Other sheets whose own header shows the same kind of data (each its own import). */
  otherSheets: string[];
};

/** iconv-lite names as a bookkeeper knows them. */
function encodingLabel(name: string): string {
  if (name === 'gb18030') return 'GBK/GB18030';
  return name.toUpperCase();
}
/**
 * A mapping made on another file (a template named on the command line) placed on this one: a CSV's
 * sheet is its own file name, and a month's workbook names its sheet after the month, so a sheet the
 * file lacks becomes the one asked for or the default; and where the file's header, as detected, has
 * the mapping's signature, its rows are taken (a title row more or less above it). The preview's own
 * mapping for this file is returned as it is.
 */
async function placeMapping(
  given: ColumnMapping,
  reader: SourceFacts,
  head: (only?: string) => Promise<RawRow[]>,
  asked: string | undefined,
): Promise<ColumnMapping> {
  if (given.sheet === null || reader.sheets.some((s) => s.name === given.sheet)) return given;
  const sheet = asked ?? reader.defaultSheet;
  const found = detectHeader(await head(sheet), { kind: given.kind }).header;
  const same = found !== null && headerSignature(found.headers) === given.signature;
  return { ...given, sheet, ...(same ? { headerRows: found.headerRows } : {}) };
}

/**
 * Decide how to read a source. `head(only)` supplies the first rows of the visible sheets (or of `only`);
 * it is not called when the options carry a full mapping.
 */
export async function analyseSource(
  reader: SourceFacts,
  head: (only?: string) => Promise<RawRow[]>,
  book: Book,
  options: ImportOptions = {},
): Promise<Analysis> {
  const issues: ImportIssue[] = [];
  const blockers: Blocker[] = [];
  const fileIssue = (code: IssueCode, sheet: string, params: IssueParams = {}) =>
    makeIssue(locate(reader.file, sheet, 0), 'error', code, params);

  // The encoding comes first: read in the wrong one, nothing below (header, values) can be right.
  const encoding = reader.encoding;
  if (encoding?.mixed) {
    issues.push(
      fileIssue('mixed_encoding', reader.defaultSheet, {
        utf8Line: String(encoding.mixed.utf8Line),
        otherLine: String(encoding.mixed.otherLine),
      }),
    );
    blockers.push('encoding_mixed');
  } else if (encoding?.uncertain && !options.encoding) {
    const candidates = encoding.candidates.map((c) => encodingLabel(c.encoding));
    issues.push(fileIssue('encoding_uncertain', reader.defaultSheet, { candidates: candidates.join(', ') }));
    blockers.push('encoding_uncertain');
  }

  let mapping: ColumnMapping | null = null;
  let header: HeaderCandidate | null = null;
  let kindCertain = true;
  let template: Analysis['template'] = null;
  let sheet = options.mapping?.sheet ?? options.sheet ?? reader.defaultSheet;
  if (options.sheet !== undefined && !reader.sheets.some((s) => s.name === options.sheet)) {
    const names = reader.sheets.map((s) => `“${s.name}”`).join('、');
    throw new FeeTrailError(
      'invalid_input',
      `${reader.file} has no sheet named “${options.sheet}”; its sheets are ${names}. / 文件里没有名为“${options.sheet}”的工作表，现有：${names}。`,
      { file: reader.file, sheet: options.sheet },
    );
  }

  let others: string[] = [];
  if (options.mapping) {
    mapping = await placeMapping(options.mapping, reader, head, options.sheet);
    sheet = mapping.sheet ?? sheet;
  } else {
    const rows = await head(options.sheet);
    const detection = detectHeader(rows, {
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.headerRow
        ? {
            headerRow: {
              row: options.headerRow,
              ...(options.sheet ? { sheet: options.sheet } : {}),
              ...(options.headerRowCount ? { rowCount: options.headerRowCount } : {}),
            },
          }
        : {}),
    });
    header = detection.header;
    if (!header) {
      if (rows.length === 0 && options.sheet === undefined) {
        issues.push(fileIssue('empty_file', sheet));
        blockers.push('empty_file');
      } else {
        const hidden = reader.sheets.filter((s) => s.state !== 'visible').map((s) => s.name);
        issues.push(fileIssue('no_header', sheet, hidden.length ? { hiddenSheets: hidden.join('、') } : {}));
        blockers.push('no_header');
      }
      return { sheet, header, kindCertain: false, mapping, template, issues, blockers, otherSheets: [] };
    }
    sheet = header.sheet;
    others = otherDataSheets(rows, header);
    if (others.length > 0)
      issues.push(
        makeIssue(locate(reader.file, sheet, 0), 'warning', 'other_sheets', { sheets: others.join('、') }),
      );
    kindCertain = options.kind !== undefined || detection.certain;
    if (!kindCertain) {
      issues.push(fileIssue('kind_uncertain', sheet));
      blockers.push('kind_uncertain');
    }
    const found = findTemplateBySignature(book, headerSignature(header.headers), header.kind);
    if (found && found.mapping.kind === header.kind) {
      template = { id: found.info.id, name: found.info.name };
      mapping = {
        ...found.mapping,
        sheet,
        headerRows: header.headerRows,
        encoding: reader.encoding?.encoding ?? null,
      };
    } else {
      mapping = suggestMapping(header, rows, {
        date1904: reader.date1904,
        encoding: options.encoding ?? reader.encoding?.encoding ?? null,
      });
    }
  }
  const mappingIssues = validateMapping(mapping, reader.file);
  issues.push(...mappingIssues);
  if (mappingIssues.some((i) => i.severity === 'error')) blockers.push('mapping_invalid');
  if (mapping.ambiguous.length > 0) blockers.push('mapping_ambiguous');
  return { sheet, header, kindCertain, mapping, template, issues, blockers, otherSheets: others };
}
