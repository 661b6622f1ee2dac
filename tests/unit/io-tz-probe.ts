/**
 * Run by io-excel-serial.test.ts in a child process with TZ set: prints the dates the readers give
 * for the example POS export and a generated .xls, so the parent can compare two zones.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSource } from '../../electron/io/read-file';
import { generatePosTxns, writePosFixture } from '../fixtures/generator';

const file = fileURLToPath(
  new URL('../../../shared/samples/example-2026-08/pos_export.xlsx', import.meta.url),
);
const dates: string[] = [];
for await (const r of (await openSource(file)).rows()) {
  const c = r.cells[2];
  if (typeof c === 'object' && c !== null && c.kind === 'date') dates.push(c.value);
}
const dir = await mkdtemp(join(tmpdir(), 'feetrail-tz-'));
const xlsDates: string[] = [];
try {
  const f = await writePosFixture(join(dir, 'p.xls'), generatePosTxns({ seed: 1, count: 30 }), {
    dateTime: 'two',
  });
  for await (const r of (await openSource(f.path)).rows()) {
    for (const c of r.cells)
      if (typeof c === 'object' && c !== null && c.kind === 'date') xlsDates.push(c.value);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
// zoneOffset proves the child really ran in another zone; the parent drops it before comparing.
const out = {
  first: dates[0],
  last: dates.at(-1),
  count: dates.length,
  all: dates.join('|'),
  xls: xlsDates.join('|'),
};
process.stdout.write(JSON.stringify({ ...out, zoneOffset: new Date(2026, 7, 1).getTimezoneOffset() }));
