/** Baseline: exceljs's streaming reader over the file, touching every cell, storing nothing. */
import ExcelJS from 'exceljs';
import { report } from '../measure';

const t0 = process.hrtime.bigint();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2] ?? '', {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  worksheets: 'emit',
});
let rows = 0;
let cells = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows += 1;
    row.eachCell(() => (cells += 1));
  }
}
report(t0, { rows, cells });
