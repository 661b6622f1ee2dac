/**
 * `npm run bench:import`: only the import of the generated POS .xlsx against its baseline (the bare
 * exceljs read), alternately, `BENCH_RUNS` pairs (default 5). Each pair's figures are printed as they
 * come, then the median of the pairs' ratios. For work on the import, where the whole bench is long.
 */
import { fixtures } from './fixtures';
import { measureStep, median } from './measure';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const { pos } = await fixtures();
const ratios: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const bare = await measureStep('bare-read', [pos]);
  const imp = await measureStep('import', [pos]);
  ratios.push(imp.ms / bare.ms);
  console.log(
    `pair ${i + 1}: bare read ${bare.ms} ms ${bare.maxRssMb} MB · import ${imp.ms} ms ${imp.maxRssMb} MB ` +
      `(${JSON.stringify(imp.extra ?? {})}) · ${(imp.ms / bare.ms).toFixed(2)}×`,
  );
}
console.log(`median of the pairs' ratios: ${median(ratios).toFixed(2)}×`);
