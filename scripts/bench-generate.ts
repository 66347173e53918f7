/**
 * Measures the generator: wall time, peak memory (resident set of the
 * process, worker threads included) and rows per file per year.
 *
 *   npx tsx scripts/bench-generate.ts [--scale 0.01] [--seed 1] [--workers 2]
 *                                     [--format csv|parquet] [--keep DIR]
 *
 * Without --keep the data set goes to a temporary folder that is removed
 * afterwards. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { yearMonth } from '../src/core/calendar/year-month.js';
import { generateDataSet } from '../src/synthetic/generate.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const scale = Number(option('scale') ?? '0.01');
const seed = Number(option('seed') ?? '1');
const workers = Number(option('workers') ?? String(Math.min(2, availableParallelism())));
const format = option('format') === 'parquet' ? 'parquet' : 'csv';
const keep = option('keep');
const directory = keep ? resolve(keep) : join(mkdtempSync(join(tmpdir(), 'tilsyn-bench-')), 'data');

const started = performance.now();
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 200);
const summary = await generateDataSet({
  seed,
  scale,
  outDirectory: directory,
  format,
  cprIds: false,
  firstMonth: yearMonth('2019-01'),
  lastMonth: yearMonth('2025-12'),
  workers,
  force: true,
});
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);

let bytes = 0;
for (const name of readdirSync(directory)) bytes += statSync(join(directory, name)).size;
const lines: string[] = [
  `scale ${scale}, seed ${seed}, ${workers} worker(s), ${format}`,
  `wall time        ${seconds.toFixed(1)} s`,
  `peak memory      ${(maxRss / 2 ** 20).toFixed(0)} MiB (resident set, all threads)`,
  `output           ${(bytes / 2 ** 20).toFixed(0)} MiB in ${directory}${keep ? '' : ' (removed)'}`,
  `persons          ${summary.persons}`,
  '',
];
const years = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
lines.push(
  `${'rows'.padEnd(22)}${years.map((year) => year.padStart(11)).join('')}${'2019–25'.padStart(12)}`,
);
let total = 0;
const totals = years.map(() => 0);
for (const [table, byYear] of Object.entries(summary.rowsByYear)) {
  const counts = years.map((year) => byYear[year] ?? 0);
  const sum = counts.reduce((a, b) => a + b, 0);
  counts.forEach((count, index) => {
    totals[index] = (totals[index] ?? 0) + count;
  });
  total += sum;
  lines.push(
    `${table.padEnd(22)}${counts.map((count) => String(count).padStart(11)).join('')}${String(sum).padStart(12)}`,
  );
}
lines.push(
  `${'all person-level'.padEnd(22)}${totals.map((count) => String(count).padStart(11)).join('')}${String(total).padStart(12)}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
if (!keep) rmSync(join(directory, '..'), { recursive: true, force: true });
