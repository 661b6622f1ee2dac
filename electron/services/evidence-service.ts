/**
 * Printing a case's evidence pack (申诉材料) and bundling it. One document source (the React document in
 * electron/io/evidence), printed by whichever `HtmlPrinter` the door injects: Chromium via Playwright in
 * the CLI, host and tests, Electron's printToPDF in the desktop app. Every file written is recorded on the case timeline
 * with its SHA-256.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EvidenceLanguage, EvidenceModel } from '../../shared/domain/evidence';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import { manifestOf, readSources, sha256Of, writeBundle } from '../io/evidence/evidence-bundle';
import { evidenceWorkbook } from '../io/evidence/evidence-xlsx';
import { evidenceFooter, renderEvidenceHtml } from '../io/evidence/EvidenceDocument';
import type { HtmlPrinter } from '../io/print-pdf';
import { EVIDENCE_MARGIN } from '../io/print-pdf';
import type { DisputeService } from './dispute-service';
import { gatherEvidence } from './evidence-data';
import { attachmentPathOf } from './import-service';

export type EvidenceResult = { path: string; sha256: string; txnCount: number; pdfSha256: string };

export class EvidenceService {
  constructor(
    private readonly disputes: DisputeService,
    private readonly printer: HtmlPrinter,
    private readonly now: () => string = localNow,
    /** Told of every pack PDF written (the desktop app opens it in the system viewer to print). */
    private readonly onPdfWritten: (path: string) => void = () => undefined,
  ) {}

  model(book: Book, caseId: number, language: EvidenceLanguage = 'zh'): EvidenceModel {
    return gatherEvidence(book, this.disputes, caseId, language, this.now());
  }

  html(book: Book, caseId: number, language: EvidenceLanguage = 'zh'): string {
    return renderEvidenceHtml(this.model(book, caseId, language));
  }

  private async print(m: EvidenceModel): Promise<Buffer> {
    return this.printer.print(renderEvidenceHtml(m), { footer: evidenceFooter(m), margin: EVIDENCE_MARGIN });
  }

  /** Prints the pack to `out` (a .pdf). */
  async writePdf(
    book: Book,
    caseId: number,
    out: string,
    language: EvidenceLanguage = 'zh',
  ): Promise<EvidenceResult> {
    const m = this.model(book, caseId, language);
    const pdf = await this.print(m);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pdf);
    const sha256 = sha256Of(pdf);
    this.disputes.recordDocument(book, caseId, basename(out), sha256);
    this.onPdfWritten(out);
    return { path: out, sha256, pdfSha256: sha256, txnCount: m.txns.length };
  }

  /**
   * Writes the bundle to `out` (.zip, or a folder): the PDF, the .xlsx of disputed rows, the source files
   * from the attachment store and manifest.json. `sha256` is the zip's (or, for a folder, the manifest's).
   */
  async writeBundle(
    book: Book,
    caseId: number,
    out: string,
    language: EvidenceLanguage = 'zh',
  ): Promise<EvidenceResult> {
    const m = this.model(book, caseId, language);
    const pdf = await this.print(m);
    const xlsx = await evidenceWorkbook(m);
    const stem = language === 'en' ? 'evidence' : '申诉材料';
    const sources = readSources(
      m.files.map((f) => ({ name: f.fileName, path: attachmentPathOf(book, f.sha256, f.fileName) })),
    );
    const entries = [
      { name: `${stem}-${m.case.caseNo}.pdf`, data: pdf },
      { name: `${language === 'en' ? 'disputed-rows' : '争议交易明细'}-${m.case.caseNo}.xlsx`, data: xlsx },
      ...sources.entries,
    ];
    const manifest = {
      ...manifestOf(m.case.caseNo, m.printedAt, entries),
      ...(sources.missing.length ? { missing: sources.missing } : {}),
    };
    await writeBundle(out, entries, manifest);
    const written = out.toLowerCase().endsWith('.zip')
      ? readFileSync(out)
      : Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    const sha256 = sha256Of(written);
    this.disputes.recordDocument(book, caseId, basename(out), sha256);
    return { path: out, sha256, pdfSha256: sha256Of(pdf), txnCount: m.txns.length };
  }
}
