/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The evidence pack as one HTML document: React components rendered to static markup (every imported
 * string goes through React's escaping; nothing is injected as raw HTML), with print CSS. The same
 * HTML goes to either printer: Chromium via Playwright, or Electron's printToPDF.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { EvidenceModel } from '../../../shared/domain/evidence';
import { Provenance, Timeline } from './Appendix';
import { CoverLetter } from './CoverLetter';
import { EVIDENCE_CSS } from './evidence-css';
import { evidenceTexts } from './evidence-text';
import { SettlementTable, SummaryTable, TxnTable } from './EvidenceTables';
import { escapeHtml } from './html-escape';
import { RateChart } from './RateChart';

function EvidenceDocument({ m }: { m: EvidenceModel }): ReactElement {
  const t = evidenceTexts(m.language);
  return (
    <main>
      <CoverLetter m={m} t={t} />
      <SummaryTable m={m} t={t} />
      <TxnTable m={m} t={t} />
      <SettlementTable m={m} t={t} />
      <section className="enclosure">
        <h2>{t.chartTitle}</h2>
        <RateChart series={m.rateSeries} t={t} />
      </section>
      <Provenance m={m} t={t} />
      <Timeline m={m} t={t} />
    </main>
  );
}

/** The whole document. No script, no remote resource: a CSP that allows only inline styles and data: images. */
export function renderEvidenceHtml(m: EvidenceModel): string {
  const t = evidenceTexts(m.language);
  const body = renderToStaticMarkup(<EvidenceDocument m={m} />);
  return [
    '<!doctype html>',
    `<html lang="${m.language === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(`${t.docTitle} ${m.case.caseNo}`)}</title>`,
    `<style>${EVIDENCE_CSS}</style></head><body>${body}</body></html>`,
  ].join('');
}

/** Chromium's footer template: "第 N 页 / 共 M 页", the case number and the print date on every page. */
export function evidenceFooter(m: EvidenceModel): string {
  const t = evidenceTexts(m.language);
  const [a, b, c] = t.page;
  return (
    `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:'Noto Serif CJK SC',serif;color:#333">` +
    `<span>${escapeHtml(t.footer(m.case.caseNo, m.printedAt.slice(0, 10)))}</span>` +
    `<span>${escapeHtml(a ?? '')} <span class="pageNumber"></span> ${escapeHtml(b ?? '')} <span class="totalPages"></span> ${escapeHtml(c ?? '')}</span></div>`
  );
}
