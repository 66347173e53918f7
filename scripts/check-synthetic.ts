/**
 * Checks a generated synthetic data set against its design with the real
 * system: the folder is loaded (into a temporary data directory), measured,
 * benchmarked per year and assessed 2021–2025 exactly as `tilsyn assess
 * --load` does. Prints, for every scenario municipality, the designed and
 * measured December focus measures, the measured result-goal difference and
 * the designed and reached decisions, plus the national benefit rates and any
 * decision for a municipality outside the scenarios.
 *
 *   npm run check:synthetic -- DIR [--from 2021] [--to 2025]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { endYear, isCalendarYear } from '../src/core/benchmark/benchmark-period.js';
import { runAssessments } from '../src/core/lifecycle/run-assessments.js';
import { openLoad } from '../src/loading/load-catalog.js';
import { loadData } from '../src/loading/load-data.js';
import { assessmentInputsOfLoad } from '../src/pipeline/assessment-inputs-of-load.js';
import { readMunicipalities } from '../src/reference/municipalities.js';
import { SCENARIOS, valueForYear } from '../src/synthetic/effort-scenarios.js';
import { OFFICIAL_RULES } from '../src/core/rules/official-rules.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '2021' }, to: { type: 'string', default: '2025' } },
});
const directory = positionals[0];
if (directory === undefined) {
  process.stderr.write('Brug: npm run check:synthetic -- MAPPE [--from ÅR] [--to ÅR]\n');
  process.exit(2);
}
const fromYear = Number(values.from);
const toYear = Number(values.to);

const started = performance.now();
const data = await mkdtemp(join(tmpdir(), 'tilsyn-check-'));
try {
  const loaded = await loadData({
    source: resolve(directory),
    dataDirectory: data,
    acceptValidRows: false,
    now: new Date(),
    createdBy: 'check-synthetic',
  });
  if (loaded.status !== 'loaded') {
    process.stderr.write(`the loader refused ${directory}: ${JSON.stringify(loaded.problems)}\n`);
    process.exit(2);
  }
  const codes = (await readMunicipalities()).map((municipality) => municipality.code);
  const { inputs, expectedRates } = await assessmentInputsOfLoad({
    load: await openLoad(data, loaded.id),
    fromYear,
    toYear,
    municipalities: codes,
    rules: OFFICIAL_RULES,
  });
  const history = runAssessments(OFFICIAL_RULES, fromYear, toYear, inputs);

  const fixed = (value: number | undefined, width = 5) =>
    (value === undefined ? '–' : value.toFixed(1)).padStart(width);
  const out = [
    `Check of ${directory} with the real pipeline (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    '',
    'year  benefit rate %  rate range %',
  ];
  for (let year = fromYear; year <= toYear; year += 1) {
    const rates = expectedRates.filter(
      (rate) => isCalendarYear(rate.period) && endYear(rate.period) === year,
    );
    const actual = rates.reduce((sum, rate) => sum + rate.actualCount, 0);
    const residents = rates.reduce((sum, rate) => sum + (rate.residents16To66 ?? 0), 0);
    const shares = rates.map((rate) => rate.actualShare);
    out.push(
      `${year}  ${fixed(residents === 0 ? undefined : (100 * actual) / residents, 14)}  ${Math.min(...shares).toFixed(1)}–${Math.max(...shares).toFixed(1)}`,
    );
  }
  for (const scenario of SCENARIOS) {
    out.push(
      '',
      `${scenario.scenario} ${scenario.code}: ${scenario.story}`,
      '  year  conv design/measured  offers design/measured  difference  decision design / reached',
    );
    for (const year of history.years) {
      const entry = year.municipalities.find(
        (candidate) => candidate.municipality === scenario.code,
      );
      const designed = scenario.expectedDecisions?.[year.year] ?? '';
      const reached = entry?.decision.kind ?? '';
      out.push(
        `  ${year.year}  ${fixed(valueForYear(scenario.conversations, year.year))} /${fixed(entry?.focusGoals.conversations.measure)}        ${fixed(valueForYear(scenario.measuredOffers ?? scenario.offers, year.year))} /${fixed(entry?.focusGoals.offers.measure)}        ${fixed(entry?.resultGoal.differencePoints, 8)}    ${designed.padEnd(24)} ${reached}${designed !== '' && designed !== reached ? '  ← differs' : ''}`,
      );
    }
  }
  const scenarioCodes = new Set(SCENARIOS.map((scenario) => scenario.code));
  const surprises = history.years.flatMap((year) =>
    year.municipalities
      .filter(
        (entry) => !scenarioCodes.has(entry.municipality) && entry.decision.kind !== 'stays_out',
      )
      .map(
        (entry) =>
          `free municipality ${entry.municipality}: ${entry.decision.kind} in ${year.year}`,
      ),
  );
  out.push(
    '',
    ...surprises,
    `Free municipalities with a decision other than stays_out: ${surprises.length}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await rm(data, { recursive: true, force: true });
}
