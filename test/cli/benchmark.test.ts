import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleBenchmarkInput } from '../../src/inputs/assemble-benchmark-input.js';
import { parseActualBenefitRates } from '../../src/inputs/read-actual-benefit-rates.js';
import { parseFrameworkConditions } from '../../src/inputs/read-framework-conditions.js';
import {
  fitBenchmarkModel,
  type BenchmarkModel,
} from '../../src/core/benchmark/benchmark-model.js';
import { calendarYear } from '../../src/core/benchmark/benchmark-period.js';
import { SeededRandom } from '../../src/core/random/seeded-random.js';
import { formatDanishNumber, formatDanishSigned } from '../../src/core/danish-format.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';
import { runCli } from '../support/run-cli.js';

const FIXTURES = resolve('test/fixtures');
const directory = mkdtempSync(join(tmpdir(), 'tilsyn-benchmark-'));
let names: Map<number, string>;
let model: BenchmarkModel;

beforeAll(async () => {
  const municipalities = await readMunicipalities();
  names = new Map(municipalities.map((m) => [m.code, m.name]));
  for (const file of ['framework_conditions.csv', 'benefit_rates.csv']) {
    copyFileSync(join(FIXTURES, 'benchmark', file), join(directory, file));
  }
  copyFileSync(join(FIXTURES, 'y30r21', 'y30r21-alle-ydelser.csv'), join(directory, 'y30r21.csv'));
  // The model the CLI should print, computed through the core directly.
  const codes = new Set(municipalities.map((m) => m.code));
  model = fitBenchmarkModel(
    assembleBenchmarkInput(
      calendarYear(2024),
      parseFrameworkConditions(
        'framework_conditions.csv',
        readFileSync(join(directory, 'framework_conditions.csv'), 'utf8'),
        codes,
      ),
      parseActualBenefitRates(
        'benefit_rates.csv',
        readFileSync(join(directory, 'benefit_rates.csv'), 'utf8'),
        codes,
      ),
    ),
  );
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

const MODEL_ARGS = [
  'benchmark',
  '--year',
  '2024',
  '--framework',
  'framework_conditions.csv',
  '--actual',
  'benefit_rates.csv',
];

function cli(args: readonly string[]) {
  return runCli(args, { cwd: directory });
}

interface JsonRate {
  municipality: number;
  name: string;
  period: string;
  expectedShare: number;
  actualShare: number;
  differencePoints: number;
  expectedCount: number;
  actualCount: number;
  differenceCount: number;
  rank: number;
  cluster: number | null;
  source: { kind: string; modelId?: string; table?: string; file?: string; period: string };
}

describe('tilsyn benchmark on framework conditions and actual rates', () => {
  it('prints the model with its coefficients and fit, and the ranked list', async () => {
    const result = await cli(MODEL_ARGS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Forventede ydelsesgrader: benchmarkmodel ${model.id}\n`);
    for (const coefficient of model.coefficients) {
      const label = coefficient.name === 'intercept' ? 'Konstantled' : coefficient.name;
      expect(result.stdout).toMatch(
        new RegExp(
          `\\n  ${label} +${escape(formatDanishNumber(coefficient.estimate, 4))} +${escape(
            formatDanishNumber(coefficient.standardError, 4),
          )} +${escape(formatDanishNumber(coefficient.tValue, 2))}\\n`,
        ),
      );
    }
    expect(result.stdout).toContain(
      `R² (vægtet): ${formatDanishNumber(model.rSquared ?? 0, 3)}   Justeret R²: ${formatDanishNumber(model.adjustedRSquared ?? 0, 3)}   ` +
        `Residualspredning: ${formatDanishNumber(model.residualStandardError, 3)} pct.-point (93 frihedsgrader)`,
    );
    const best = [...model.expectedRates].sort((a, b) => a.rank - b.rank)[0];
    if (!best) throw new Error('no rates');
    expect(result.stdout).toMatch(
      new RegExp(
        `Placering.*\\n  [- ]+\\n  ${escape(names.get(best.municipality) ?? '')} +${escape(
          formatDanishNumber(best.expectedShare, 2),
        )} +${escape(formatDanishNumber(best.actualShare, 2))} +${escape(
          formatDanishSigned(best.differencePoints, 2),
        )} +${escape(formatDanishNumber(best.expectedCount, 0))} +${escape(
          formatDanishNumber(best.actualCount, 0),
        )} +${escape(formatDanishSigned(best.differenceCount, 0))} +1 +\\d`,
      ),
    );
    expect(result.stdout).toMatch(/\nBedste 5: 1\. /);
    expect(result.stdout).toMatch(/\nDårligste 5: 98\. /);
    expect(result.stdout).toContain(
      'Ward-klyngedannelse på standardiserede rammevilkår, 6 klynger',
    );
  });

  it('gives in JSON the same expected rates as the model, each saying it came from the model', async () => {
    const result = await cli([...MODEL_ARGS, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      period: string;
      expectedRatesSource: string;
      model: { id: string; coefficients: { term: string; estimate: number }[] };
      rates: JsonRate[];
      best: number[];
      worst: number[];
      clusters: { clusters: { members: number[] }[] };
    };
    expect(json.period).toBe('2024');
    expect(json.expectedRatesSource).toBe('model');
    expect(json.model.id).toBe(model.id);
    expect(json.model.coefficients.map((c) => c.estimate)).toEqual(
      model.coefficients.map((c) => c.estimate),
    );
    expect(json.rates).toHaveLength(98);
    for (const rate of json.rates) {
      const expected = model.expectedRates.find((r) => r.municipality === rate.municipality);
      expect(rate).toMatchObject({
        expectedShare: expected?.expectedShare,
        expectedCount: expected?.expectedCount,
        differencePoints: expected?.differencePoints,
        rank: expected?.rank,
        source: { kind: 'model', modelId: model.id, period: '2024' },
      });
    }
    expect(json.rates.map((r) => r.rank)).toEqual(
      [...json.rates.map((r) => r.rank)].sort((a, b) => a - b),
    );
    expect(json.best).toHaveLength(5);
    expect(json.clusters.clusters.flatMap((c) => c.members)).toHaveLength(98);
  });

  it('writes the expected rates for tilsyn assess with --out, the same bytes every run', async () => {
    const first = await cli([...MODEL_ARGS, '--out', 'expected_rates.csv']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Forventede ydelsesgrader skrevet til expected_rates.csv\n');
    const written = readFileSync(join(directory, 'expected_rates.csv'), 'utf8');
    const lines = written.trim().split('\n');
    expect(lines[0]).toBe(
      'municipality,year,expected_count,actual_count,expected_share,actual_share,difference_count,difference_points,rank,period,source',
    );
    expect(lines).toHaveLength(99);
    const copenhagen = model.expectedRates.find((r) => r.municipality === 101);
    expect(lines[1]).toBe(
      [
        101,
        2024,
        copenhagen?.expectedCount,
        copenhagen?.actualCount,
        copenhagen?.expectedShare,
        copenhagen?.actualShare,
        copenhagen?.differenceCount,
        copenhagen?.differencePoints,
        copenhagen?.rank,
        '2024',
        `model:${model.id}`,
      ].join(','),
    );
    await cli([...MODEL_ARGS, '--out', 'expected_rates.csv']);
    expect(readFileSync(join(directory, 'expected_rates.csv'), 'utf8')).toBe(written);
  });

  it('is deterministic: input rows in another order give byte-identical output', async () => {
    const reference = await cli([...MODEL_ARGS, '--json']);
    const shuffledDirectory = mkdtempSync(join(tmpdir(), 'tilsyn-benchmark-shuffled-'));
    try {
      const random = new SeededRandom(7);
      for (const file of ['framework_conditions.csv', 'benefit_rates.csv']) {
        const [header, ...rows] = readFileSync(join(directory, file), 'utf8').trim().split('\n');
        for (let i = rows.length - 1; i > 0; i -= 1) {
          const j = random.nextInt(i + 1);
          [rows[i], rows[j]] = [rows[j] ?? '', rows[i] ?? ''];
        }
        writeFileSync(join(shuffledDirectory, file), `${[header, ...rows].join('\n')}\n`);
      }
      const shuffled = await runCli([...MODEL_ARGS, '--json'], { cwd: shuffledDirectory });
      expect(shuffled.stdout).toBe(reference.stdout);
    } finally {
      rmSync(shuffledDirectory, { recursive: true, force: true });
    }
  });

  it('fits a half-year model, and refuses to write it as the annual expected rates', async () => {
    const result = await cli([...MODEL_ARGS, '--half', '2', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { period: string; model: { id: string } };
    expect(json.period).toBe('2024-H2');
    expect(json.model.id).toMatch(/^benchmark-2024-H2-/);
    const out = await cli([...MODEL_ARGS, '--half', '2', '--out', 'x.csv']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(
      '--out skriver forventede ydelsesgrader for et kalenderår til den årlige opgørelse (§ 2) og kan ikke bruges med --half',
    );
  });

  it('refuses a singular design with the collinear covariates named (exit 2)', async () => {
    const [header, ...rows] = readFileSync(join(directory, 'framework_conditions.csv'), 'utf8')
      .trim()
      .split('\n');
    writeFileSync(
      join(directory, 'singular.csv'),
      `${[`${header ?? ''},jobtaethed_igen`, ...rows.map((row) => `${row},${row.split(',')[5] ?? ''}`)].join('\n')}\n`,
    );
    const result = await cli([
      'benchmark',
      '--year',
      '2024',
      '--framework',
      'singular.csv',
      '--actual',
      'benefit_rates.csv',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Afvist: benchmarkmodellen for 2024 kan ikke estimeres, fordi rammevilkårene er kollineære: ' +
        '"jobtaethed_igen" er en linearkombination af "jobtaethed". Fjern kovariaten fra rammevilkårene\n',
    );
  });

  it('fits on the chosen covariates only', async () => {
    const result = await cli([...MODEL_ARGS, '--covariates', 'jobtaethed,andel_60_66', '--json']);
    const json = JSON.parse(result.stdout) as { model: { covariates: string[] } };
    expect(json.model.covariates).toEqual(['jobtaethed', 'andel_60_66']);
  });
});

describe('tilsyn benchmark on official figures', () => {
  it('uses the official Y30R21 figures of the calendar year, and says so', async () => {
    const result = await cli(['benchmark', '--year', '2024', '--official', 'y30r21.csv', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      expectedRatesSource: string;
      model: null;
      clusters: null;
      rates: JsonRate[];
      notes: string[];
    };
    expect(json.expectedRatesSource).toBe('official');
    expect(json.model).toBeNull();
    expect(json.clusters).toBeNull();
    expect(json.rates).toHaveLength(98);
    // "Århus";"1. kvartal 2024 - 4. kvartal 2024";"30.661";"25.234";"-5.427";"12,5";"10,3";"-2,2";"4"
    expect(json.rates.find((r) => r.municipality === 751)).toMatchObject({
      name: 'Aarhus',
      period: '2024',
      expectedCount: 30661,
      actualCount: 25234,
      differenceCount: -5427,
      expectedShare: 12.5,
      actualShare: 10.3,
      differencePoints: -2.2,
      rank: 4,
      source: { kind: 'official', table: 'Y30R21', file: 'y30r21.csv', period: '2024' },
    });
    expect(json.notes[0]).toContain(
      'springer rækker over for områder, der ikke er kommuner: Hele landet',
    );
  });

  it('prefers the official figures to the model and clusters on the framework conditions', async () => {
    const result = await cli([
      ...MODEL_ARGS,
      '--official',
      'y30r21.csv',
      '--out',
      'official_rates.csv',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Forventede ydelsesgrader: officielle tal (Jobindsats Y30R21, y30r21.csv, periode 2024)',
    );
    expect(result.stdout).toContain(
      'modellen er estimeret til sammenligning; de officielle tal bruges som forventede ydelsesgrader',
    );
    const aarhus = readFileSync(join(directory, 'official_rates.csv'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('751,'));
    expect(aarhus).toBe(
      '751,2024,30661,25234,12.5,10.3,-5427,-2.2,4,2024,official:Y30R21:2024:y30r21.csv',
    );
  });

  it('clusters on the framework conditions when only official figures give the expected rates', async () => {
    const result = await cli([
      'benchmark',
      '--year',
      '2024',
      '--official',
      'y30r21.csv',
      '--framework',
      'framework_conditions.csv',
      '--clusters',
      '4',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      model: null;
      clusters: { clusterCount: number; clusters: { members: number[] }[] };
      rates: JsonRate[];
    };
    expect(json.model).toBeNull();
    expect(json.clusters.clusterCount).toBe(4);
    expect(json.clusters.clusters.flatMap((c) => c.members)).toHaveLength(98);
    expect(json.rates.every((r) => r.cluster !== null && r.source.kind === 'official')).toBe(true);
  });

  it('refuses a year the official figures do not cover as a calendar year, naming the periods they do', async () => {
    const result = await cli(['benchmark', '--year', '2023', '--official', 'y30r21.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Afvist: de officielle tal dækker ikke kalenderåret 2023 (1. kvartal 2023 - 4. kvartal 2023), som den årlige opgørelse bruger (§ 2); de dækker: 3. kvartal 2023 - 2. kvartal 2024, 2024\n',
    );
  });

  it('refuses an unknown municipality name with file, line and suggestion', async () => {
    const result = await runCli(
      ['benchmark', '--year', '2024', '--official', 'y30r21/y30r21-ukendt-kommune.csv'],
      { cwd: FIXTURES },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Fejl i inddata:\n' +
        'y30r21/y30r21-ukendt-kommune.csv, linje 13, kolonne "Område" (værdi "Vesthimerland"): ukendt kommunenavn (mente du "Vesthimmerlands"?)\n' +
        'y30r21/y30r21-ukendt-kommune.csv, linje 14, kolonne "Område" (værdi "Christiansø"): ukendt kommunenavn\n',
    );
  });
});

describe('tilsyn benchmark with benchmark measures', () => {
  it('ranks each measure of the month with best and worst', async () => {
    // The layout tilsyn measure writes (benchmark_measures.csv), with the counts left out.
    const lines = [
      'municipality,month,scope,mean_duration_days,exit3_share,exit6_share,passive_6m_share,passive_12m_share,company_directed_share',
    ];
    let i = 0;
    for (const code of names.keys()) {
      lines.push(`${code},2024-12,all,${200 + i},${20 + i / 10},,,,`);
      lines.push(`${code},2024-11,all,1,,,,,`);
      i += 1;
    }
    writeFileSync(join(directory, 'measures.csv'), `${lines.join('\n')}\n`);
    const result = await cli([...MODEL_ARGS, '--measures', 'measures.csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Benchmarkmålinger, december 2024, alle ydelser (hele ranglister og grupper med --json)\n' +
        '  Varighed: gennemsnitlig varighed af afsluttede forløb (dage); lavest er bedst; 98 kommuner rangordnet\n' +
        '    Bedste: 1. København (200,0), 2. Frederiksberg (201,0), 3. Ballerup (202,0), 4. Brøndby (203,0), 5. Dragør (204,0)\n' +
        '    Dårligste: 98. Hjørring (297,0), 97. Aalborg (296,0), 96. Jammerbugt (295,0), 95. Mariagerfjord (294,0), 94. Rebild (293,0)\n' +
        '  Afgang til beskæftigelse inden for 3 måneder (%); højest er bedst; 98 kommuner rangordnet\n' +
        '    Bedste: 1. Hjørring (29,7),',
    );
    const missing = await cli([...MODEL_ARGS, '--measures', 'measures.csv', '--month', '2024-10']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'measures.csv: der er ingen benchmarkmålinger for 2024-10; filen har 2024-11, 2024-12 (vælg med --month)',
    );
  });
});

describe('tilsyn benchmark usage', () => {
  it.each([
    [
      ['--actual', 'benefit_rates.csv'],
      '--actual kræver --framework (rammevilkårene for samme år)',
    ],
    [
      ['--framework', 'framework_conditions.csv'],
      '--framework kræver --actual (eller --official; så bruges rammevilkårene kun til klynger)',
    ],
    [[], 'angiv en kilde: --framework og --actual, --official eller --load'],
    [['--official', 'y30r21.csv', '--half', '3'], '--half skal være 1 eller 2, ikke 3'],
    [
      ['--official', 'y30r21.csv', '--clusters', '0'],
      '--clusters skal være mellem 1 og 98, ikke 0',
    ],
  ])('refuses %j as bad usage', async (extra, message) => {
    const result = await cli(['benchmark', '--year', '2024', ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Fejl: ${message}\nSe "tilsyn benchmark --help".\n`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('tilsyn benchmark --from --to', () => {
  const sources = [
    '--framework',
    join(FIXTURES, 'benchmark', 'framework_conditions.csv'),
    '--actual',
    join(FIXTURES, 'benchmark', 'benefit_rates.csv'),
  ];

  it('writes the expected rates of a span of years to one file, which assess reads for those years', async () => {
    const out = join(directory, 'rates-2023-2024.csv');
    const result = await runCli([
      'benchmark',
      '--from',
      '2023',
      '--to',
      '2024',
      ...sources,
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Forventede ydelsesgrader for 2023–2024 skrevet til ${out}`);
    const years = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(years.filter((year) => year === '2023')).toHaveLength(98);
    expect(years.filter((year) => year === '2024')).toHaveLength(98);
    const assessed = await runCli([
      'assess',
      '--from',
      '2023',
      '--to',
      '2024',
      '--focus',
      'examples/aggregates/focus_measures.csv',
      '--rates',
      out,
    ]);
    expect(assessed.code, assessed.stderr).toBe(0);
  });

  it('lets assess say which years a rates file holds when a year is missing', async () => {
    const out = join(directory, 'rates-2023-2024.csv');
    const result = await runCli([
      'assess',
      '--from',
      '2023',
      '--to',
      '2025',
      '--focus',
      'examples/aggregates/focus_measures.csv',
      '--rates',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${out}: filen har forventede ydelsesgrader for 2023 og 2024, ikke for 2025; tilsyn benchmark --from ÅR --to ÅR --out FIL skriver flere år i én fil`,
    );
  });
});
