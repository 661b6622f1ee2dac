/**
 * The entry point of an import preview: from the first rows of a file (a few hundred are plenty) to
 * the kind, the header, a mapping and the file-level issues. The import service then feeds every row
 * of the file, streamed, to createNormaliser(mapping) (normalise.ts).
 *
 * Order of decisions:
 * 1. A saved template whose header signature appears in the first rows wins (the user's own mapping).
 * 2. Otherwise the header row and kind are detected from the alias tables (detect-header.ts) and a
 *    mapping is suggested (mapping.ts). A forced kind or header row (the user's choice in the preview)
 *    restricts the detection.
 * 3. The mapping is checked: missing or duplicate columns, an uncertain kind. Any error means the
 *    preview must ask before importing.
 */
import { combineTwoRows, DEFAULT_SCAN_ROWS, detectHeader, type DetectOptions } from './detect-header';
import type { SourceKind } from './fields';
import { locate, makeIssue } from './issues';
import { suggestMapping, validateMapping } from './mapping';
import { headerSignature, type ColumnMapping } from './mapping-schema';
import type { ImportIssue, RawRow } from './raw';
import { cellText } from './text';

export type AnalyseOptions = DetectOptions & {
  /** The file's name, for issue locations. */
  file: string;
  /** Saved mapping templates; one whose signature matches a header row in the file is used. */
  templates?: readonly ColumnMapping[];
  /** The workbook uses Excel's 1904 date system (the reader knows). */
  date1904?: boolean;
  /** The text encoding the reader used (CSV), kept in the mapping. */
  encoding?: string | null;
};

export type Analysis = {
  kind: SourceKind | null;
  /** 0–1; see detect-header.ts judgeKind. 1 when a template or the user decided. */
  kindConfidence: number;
  /** False: the preview must ask the user for the kind (an error issue says so). */
  kindCertain: boolean;
  mapping: ColumnMapping | null;
  /** The matched template's mapping was used. */
  fromTemplate: boolean;
  /** File-level issues (rows are checked by the normaliser). */
  issues: ImportIssue[];
  /** No file-level error: the file can be normalised with this mapping as it stands. */
  ready: boolean;
};

function signatures(
  rows: readonly RawRow[],
  limit: number,
): { sheet: string; rows: number[]; signature: string }[] {
  const out: { sheet: string; rows: number[]; signature: string }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const n = (seen.get(row.sheet) ?? 0) + 1;
    seen.set(row.sheet, n);
    if (n > limit) return;
    const t = row.cells.map((c) => (typeof c === 'string' ? cellText(c) : null));
    out.push({ sheet: row.sheet, rows: [row.row], signature: headerSignature(t.map((x) => x ?? '')) });
    const next = rows[i + 1];
    if (next && next.sheet === row.sheet && next.row === row.row + 1) {
      const b = next.cells.map((c) => (typeof c === 'string' ? cellText(c) : null));
      out.push({
        sheet: row.sheet,
        rows: [row.row, next.row],
        signature: headerSignature(combineTwoRows(t, b).headers),
      });
    }
  });
  return out;
}

function fromTemplate(rows: readonly RawRow[], opts: AnalyseOptions): ColumnMapping | null {
  const templates = (opts.templates ?? []).filter((t) => opts.kind === undefined || t.kind === opts.kind);
  if (templates.length === 0) return null;
  for (const s of signatures(rows, opts.maxScanRows ?? DEFAULT_SCAN_ROWS)) {
    if (opts.headerRow && (s.rows[0] !== opts.headerRow.row || (opts.headerRow.sheet ?? s.sheet) !== s.sheet))
      continue;
    const t = templates.find((x) => x.signature === s.signature);
    // The header may sit lower or higher than when the template was saved (a longer query preamble).
    if (t)
      return { ...t, sheet: s.sheet, headerRows: s.rows, date1904: opts.date1904 === true, ambiguous: [] };
  }
  return null;
}

export function analyse(rows: readonly RawRow[], opts: AnalyseOptions): Analysis {
  const file = opts.file;
  const template = fromTemplate(rows, opts);
  if (template) {
    const issues = validateMapping(template, file);
    const ready = !issues.some((i) => i.severity === 'error');
    return {
      kind: template.kind,
      kindConfidence: 1,
      kindCertain: true,
      mapping: template,
      fromTemplate: true,
      issues,
      ready,
    };
  }
  const detection = detectHeader(rows, opts);
  const h = detection.header;
  if (h === null) {
    const issues = [makeIssue(locate(file, rows[0]?.sheet ?? '', 0), 'error', 'no_header')];
    return {
      kind: opts.kind ?? null,
      kindConfidence: 0,
      kindCertain: false,
      mapping: null,
      fromTemplate: false,
      issues,
      ready: false,
    };
  }
  const mapping = suggestMapping(h, rows, {
    date1904: opts.date1904 === true,
    encoding: opts.encoding ?? null,
  });
  const issues: ImportIssue[] = [];
  if (!detection.certain) {
    const clues = { posClues: String(h.specific.pos), bankClues: String(h.specific.bank) };
    issues.push(makeIssue(locate(file, h.sheet, 0), 'error', 'kind_uncertain', clues));
  }
  issues.push(...validateMapping(mapping, file));
  return {
    kind: detection.kind,
    kindConfidence: detection.confidence,
    kindCertain: detection.certain,
    mapping,
    fromTemplate: false,
    issues,
    ready: !issues.some((i) => i.severity === 'error'),
  };
}
