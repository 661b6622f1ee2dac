/**
 * Print CSS of the evidence pack: A4, table headers repeated on every page, no row split across pages,
 * each enclosure on a new page. Page numbers, case no. and print date come from the printer's footer.
 */
export const EVIDENCE_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 10pt; color: #111; line-height: 1.5; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 12pt; letter-spacing: 2pt; }
h2 { font-size: 13pt; margin: 0 0 8pt; border-bottom: 1pt solid #333; padding-bottom: 2pt; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; }
p { margin: 4pt 0; text-align: justify; }
section.enclosure { break-before: page; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; margin: 4pt 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #666; padding: 2pt 3pt; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.mono { font-family: "DejaVu Sans Mono", monospace; font-size: 7pt; word-break: break-all; }
td.nowrap { white-space: nowrap; }
td.small { font-size: 7pt; color: #333; }
tr.total td { font-weight: bold; background: #f4f4f4; }
tr.day td { background: #f7f7f7; font-weight: bold; }
.note { font-size: 7pt; font-weight: normal; color: #333; }
.neg { color: #b00000; }
.facts th { width: 24%; background: #f4f4f4; }
.signature { margin-top: 28pt; display: flex; justify-content: space-between; gap: 24pt; }
.signature div { flex: 1; border-top: 0.5pt solid #333; padding-top: 3pt; }
.chart { width: 100%; height: auto; }
.legend span { margin-right: 16pt; }
.swatch { display: inline-block; width: 18pt; height: 2pt; vertical-align: middle; margin-right: 4pt; }
`;
