/**
 * Checks a generated synthetic data set against its design, with an
 * APPROXIMATE DuckDB re-computation of the focus measures and a simple
 * weighted benchmark (scripts/lib/approximate-*.ts): prints, for every
 * scenario municipality, the designed and measured December focus measures,
 * the benefit-rate residual and the designed and approximated decisions,
 * plus national figures. The real engine is authoritative.
 *
 *   npx tsx scripts/check-synthetic.ts DIR [--from 2019-01] [--to 2025-12]
 */
import { SCENARIOS, valueForYear } from '../src/synthetic/effort-scenarios.js';
import { approximateMeasures } from './lib/approximate-measures.js';
import { benchmark, decemberFocus, decisions } from './lib/approximate-assessment.js';

const [directory, ...rest] = process.argv.slice(2);
if (!directory) {
  process.stderr.write(
    'Brug: npx tsx scripts/check-synthetic.ts MAPPE [--from ÅÅÅÅ-MM] [--to ÅÅÅÅ-MM]\n',
  );
  process.exit(2);
}
const option = (name: string, fallback: string) => {
  const index = rest.indexOf(`--${name}`);
  return index >= 0 ? (rest[index + 1] ?? fallback) : fallback;
};
const firstMonth = option('from', '2019-01');
const lastMonth = option('to', '2025-12');
const firstYear = Number(firstMonth.slice(0, 4));
const lastYear = Number(lastMonth.slice(0, 4));
const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);
const assessedYears = years; // the rules say which years can select (decisions())

const started = performance.now();
const measures = await approximateMeasures(directory, firstMonth, lastMonth);
const focus = decemberFocus(measures.focus);
const residuals = new Map<number, Map<number, number>>();
const nationalRate = new Map<number, number>();
for (const year of years) {
  const rows = benchmark(measures.rates, year);
  let weighted = 0;
  let residents = 0;
  for (const row of rows) {
    const byYear = residuals.get(row.municipality) ?? new Map<number, number>();
    byYear.set(year, row.actual - row.expected);
    residuals.set(row.municipality, byYear);
    const rate = measures.rates.find(
      (entry) => entry.municipality === row.municipality && entry.year === year,
    );
    weighted += row.actual * (rate?.residents ?? 0);
    residents += rate?.residents ?? 0;
  }
  nationalRate.set(year, weighted / residents);
}

const out: string[] = [];
const fixed = (value: number | undefined, width = 5) =>
  (value === undefined ? '–' : value.toFixed(1)).padStart(width);
out.push(
  `Approximate check of ${directory} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
out.push('');
out.push('year  persons  benefit rate %  rate range %');
for (const year of years) {
  const rates = measures.rates
    .filter((row) => row.year === year)
    .map((row) => (100 * row.fullTimePersons) / row.residents);
  out.push(
    `${year}  ${String(measures.personsPerYear[String(year)] ?? 0).padStart(8)}  ${fixed(nationalRate.get(year), 14)}  ${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}`,
  );
}
for (const scenario of SCENARIOS) {
  out.push('');
  out.push(`${scenario.scenario} ${scenario.code}: ${scenario.story}`);
  out.push(
    '  year  conv design/measured  offers design/measured  residual  decision design / approx',
  );
  const byYear = focus.get(scenario.code);
  const missed = new Map<number, boolean>();
  for (const year of years) missed.set(year, (residuals.get(scenario.code)?.get(year) ?? 0) > 0);
  const approx = decisions(assessedYears, byYear ?? new Map(), missed);
  for (const year of years) {
    const measured = byYear?.get(year);
    const designed = scenario.expectedDecisions?.[year] ?? '';
    const got = approx.get(year) ?? '';
    out.push(
      `  ${year}  ${fixed(valueForYear(scenario.conversations, year))} /${fixed(measured?.conversations)}        ${fixed(valueForYear(scenario.offers, year))} /${fixed(measured?.offers)}        ${fixed(residuals.get(scenario.code)?.get(year), 6)}    ${designed.padEnd(24)} ${got}${designed !== '' && designed !== got ? '  ← differs' : ''}`,
    );
  }
}
let surprises = 0;
for (const [code, byYear] of focus) {
  if (SCENARIOS.some((scenario) => scenario.code === code)) continue;
  const missed = new Map<number, boolean>();
  for (const year of years) missed.set(year, (residuals.get(code)?.get(year) ?? 0) > 0);
  for (const [year, decision] of decisions(assessedYears, byYear, missed)) {
    if (decision !== 'stays_out') {
      surprises += 1;
      out.push(`free municipality ${code}: ${decision} in ${year}`);
    }
  }
}
out.push('');
out.push(`Free municipalities with a decision other than stays_out: ${surprises}`);
process.stdout.write(`${out.join('\n')}\n`);
