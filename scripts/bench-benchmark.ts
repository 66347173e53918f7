/**
 * How fast the result goal's half of the assessment is at national scale
 * (98 municipalities): the weighted regression, Ward clustering, reading a
 * Y30R21 export and the whole `tilsyn benchmark` command. Prints figures;
 * asserts nothing.
 *
 *   npm run bench:benchmark [-- --rounds N]
 *
 * Inputs: the committed 98-municipality fixture (test/fixtures/benchmark) and
 * Y30R21 export (test/fixtures/y30r21).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { assembleBenchmarkInput } from '../src/inputs/assemble-benchmark-input.js';
import { parseActualBenefitRates } from '../src/inputs/read-actual-benefit-rates.js';
import { parseFrameworkConditions } from '../src/inputs/read-framework-conditions.js';
import { parseY30R21 } from '../src/inputs/read-y30r21.js';
import { main } from '../src/cli/main.js';
import { fitBenchmarkModel } from '../src/core/benchmark/benchmark-model.js';
import { calendarYear } from '../src/core/benchmark/benchmark-period.js';
import { clusterMunicipalities, DEFAULT_CLUSTER_COUNT } from '../src/core/benchmark/clusters.js';
import { MunicipalityNameMatcher } from '../src/core/benchmark/municipality-names.js';
import { readMunicipalities } from '../src/reference/municipalities.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' } } });
const rounds = Math.max(1, Number(values.rounds));

const municipalities = await readMunicipalities();
const codes = new Set(municipalities.map((m) => m.code));
const frameworkText = readFileSync('test/fixtures/benchmark/framework_conditions.csv', 'utf8');
const actualText = readFileSync('test/fixtures/benchmark/benefit_rates.csv', 'utf8');
const y30r21Text = readFileSync('test/fixtures/y30r21/y30r21-alle-ydelser.csv', 'utf8');
const input = assembleBenchmarkInput(
  calendarYear(2024),
  parseFrameworkConditions('framework_conditions.csv', frameworkText, codes),
  parseActualBenefitRates('benefit_rates.csv', actualText, codes),
);
const matcher = new MunicipalityNameMatcher(municipalities);

async function measure(label: string, action: () => unknown): Promise<void> {
  await action(); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await action();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(3).padStart(8)} ms   p95 ${p95.toFixed(3).padStart(8)} ms`,
  );
}

console.log(
  `${input.observations.length} municipalities, ${input.covariates.length} covariates, ${rounds} rounds, Node ${process.version}`,
);
await measure('benchmark model (weighted least squares, ranks, id)', () =>
  fitBenchmarkModel(input),
);
await measure(`Ward clusters (k = ${DEFAULT_CLUSTER_COUNT})`, () =>
  clusterMunicipalities({
    covariates: input.covariates,
    observations: input.observations,
    clusterCount: DEFAULT_CLUSTER_COUNT,
  }),
);
await measure('read Y30R21 export (2 periods × 98 + regions)', () =>
  parseY30R21('y30r21.csv', y30r21Text, matcher),
);
const silent = {
  stdout: () => undefined,
  stderr: () => undefined,
  cwd: process.cwd(),
  env: {},
  now: () => new Date(0),
};
await measure('tilsyn benchmark --json (read, fit, cluster, report)', () =>
  main(
    [
      'benchmark',
      '--year',
      '2024',
      '--framework',
      'test/fixtures/benchmark/framework_conditions.csv',
      '--actual',
      'test/fixtures/benchmark/benefit_rates.csv',
      '--json',
    ],
    silent,
  ),
);
