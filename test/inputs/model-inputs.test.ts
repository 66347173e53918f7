import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleBenchmarkInput } from '../../src/inputs/assemble-benchmark-input.js';
import { parseActualBenefitRates } from '../../src/inputs/read-actual-benefit-rates.js';
import { parseBenchmarkMeasures } from '../../src/inputs/read-benchmark-measures.js';
import { benchmarkMeasureValuesOf } from '../../src/measuring/measure-results.js';
import type { YearMonth } from '../../src/core/calendar/year-month.js';
import { parseFrameworkConditions } from '../../src/inputs/read-framework-conditions.js';
import { calendarYear, halfYear } from '../../src/core/benchmark/benchmark-period.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';

let codes: Set<number>;
beforeAll(async () => {
  codes = new Set((await readMunicipalities()).map((m) => m.code));
});

const FRAMEWORK = `municipality,year,residents_16_66,ledighed,jobtaethed
101,2024,400000,5.5,0.9
147,2024,70000,4.1,0.8
151,2024,30000,3.9,0.7
`;
const ACTUAL = `municipality,period,benefit_days,days_in_period,full_time_persons,residents_16_66,actual_share
101,2024,14640000,366,40000,400000,10
147,2024,2562000,366,7000,70000,10
151,2024,3294000,366,9000,30000,30
101,2024-H1,0,182,41000,400000,10.25
`;

describe('the inputs of the benchmark model', () => {
  it('join framework conditions and actual rates of the period, with the residents as weights', () => {
    const framework = parseFrameworkConditions('rammevilkår.csv', FRAMEWORK, codes);
    const actual = parseActualBenefitRates('benefit_rates.csv', ACTUAL, codes);
    const input = assembleBenchmarkInput(calendarYear(2024), framework, actual);
    expect(input.covariates).toEqual(['ledighed', 'jobtaethed']);
    expect(input.observations).toEqual([
      {
        municipality: 101,
        residents16To66: 400000,
        actualCount: 40000,
        actualShare: 10,
        covariates: [5.5, 0.9],
      },
      {
        municipality: 147,
        residents16To66: 70000,
        actualCount: 7000,
        actualShare: 10,
        covariates: [4.1, 0.8],
      },
      {
        municipality: 151,
        residents16To66: 30000,
        actualCount: 9000,
        actualShare: 30,
        covariates: [3.9, 0.7],
      },
    ]);
  });

  it('take a chosen subset of covariates in the order given', () => {
    const framework = parseFrameworkConditions('f.csv', FRAMEWORK, codes);
    const actual = parseActualBenefitRates('a.csv', ACTUAL, codes);
    const input = assembleBenchmarkInput(calendarYear(2024), framework, actual, ['jobtaethed']);
    expect(input.observations[0]?.covariates).toEqual([0.9]);
    expect(() => assembleBenchmarkInput(calendarYear(2024), framework, actual, ['alder'])).toThrow(
      'f.csv, linje 1, kolonne "alder": kovariaten findes ikke i filen (den har: ledighed, jobtaethed)',
    );
  });

  it('are refused when a municipality has framework conditions but no actual rate in the period', () => {
    const framework = parseFrameworkConditions('f.csv', FRAMEWORK, codes);
    const actual = parseActualBenefitRates('a.csv', ACTUAL, codes);
    expect(() => assembleBenchmarkInput(halfYear(2024, 1), framework, actual)).toThrow(
      'a.csv: mangler faktiske ydelsesgrader for 1. halvår 2024 for kommune 147, 151, som har rammevilkår i f.csv',
    );
    expect(() => assembleBenchmarkInput(halfYear(2024, 2), framework, actual)).toThrow(
      'a.csv: der er ingen faktiske ydelsesgrader for 2. halvår 2024; filen har perioderne 2024-H1, 2024',
    );
    expect(() => assembleBenchmarkInput(calendarYear(2023), framework, actual)).toThrow(
      'f.csv: der er ingen rammevilkår for 2023; filen har årene 2024',
    );
  });

  it('are refused when residents or the actual share disagree between the files', () => {
    const framework = parseFrameworkConditions('f.csv', FRAMEWORK, codes);
    const actual = parseActualBenefitRates(
      'a.csv',
      'municipality,period,full_time_persons,residents_16_66,actual_share\n101,2024,40000,400001,10\n147,2024,7000,70000,10.2\n151,2024,9000,,\n',
      codes,
    );
    expect(() => assembleBenchmarkInput(calendarYear(2024), framework, actual)).toThrow(
      'a.csv, linje 2, kolonne "residents_16_66" (værdi "400001"): afviger fra 400000 i f.csv, linje 2 (filerne er ikke fra samme indlæsning?)\n' +
        'a.csv, linje 3, kolonne "actual_share" (værdi "10.2"): skal være full_time_persons / residents_16_66 × 100 = 10.0000',
    );
  });

  it('refuse bad framework conditions with file, line, column and value', () => {
    expect(() =>
      parseFrameworkConditions(
        'f.csv',
        'municipality;year;residents_16_66;ledighed\n101;2024;400000;5,5\n999;2024;1000;1\n147;2024;0;2\n151;2024;3000;abc\n101;2024;400000;5,5\n',
        codes,
      ),
    ).toThrow(
      [
        'f.csv, linje 3, kolonne "municipality" (værdi "999"): ukendt kommunekode (ikke blandt de 98 kommuner)',
        'f.csv, linje 4, kolonne "residents_16_66" (værdi "0"): skal være et helt tal større end 0',
        'f.csv, linje 5, kolonne "ledighed" (værdi "abc"): ikke et tal (fx 12,5)',
        'f.csv, linje 6, kolonne "municipality" (værdi "101"): kommunen står allerede for 2024 på linje 2',
      ].join('\n'),
    );
    expect(() =>
      parseFrameworkConditions('f.csv', 'municipality,year,residents_16_66\n', codes),
    ).toThrow(
      'f.csv, linje 1: der er ingen kovariater: efter municipality, year og residents_16_66 skal der være mindst én kolonne med rammevilkår',
    );
  });

  it('read the committed 98-municipality fixture for every period', () => {
    const framework = parseFrameworkConditions(
      'framework_conditions.csv',
      readFileSync('test/fixtures/benchmark/framework_conditions.csv', 'utf8'),
      codes,
    );
    const actual = parseActualBenefitRates(
      'benefit_rates.csv',
      readFileSync('test/fixtures/benchmark/benefit_rates.csv', 'utf8'),
      codes,
    );
    for (const period of [calendarYear(2023), halfYear(2023, 1), halfYear(2024, 2)]) {
      expect(assembleBenchmarkInput(period, framework, actual).observations).toHaveLength(98);
    }
  });
});

describe('benchmark-measure values', () => {
  const header =
    'municipality,month,scope,mean_duration_days,exit3_share,exit6_share,passive_6m_share,passive_12m_share,company_directed_share';

  it('are read from the file tilsyn measure writes, grouped by measure, month and scope, empty values unranked', () => {
    const groups = parseBenchmarkMeasures(
      'm.csv',
      `${header}\n101,2024-12,all,210.5,,,,,\n147,2024-12,all,,,,,,\n101,2024-12,dagpenge,,,,12.5,,\n`,
      codes,
    );
    expect(groups.find((g) => g.measure === 'duration' && g.scope === 'all')).toEqual({
      measure: 'duration',
      month: '2024-12',
      scope: 'all',
      values: [
        { municipality: 101, value: 210.5 },
        { municipality: 147, value: undefined },
      ],
    });
    expect(groups.find((g) => g.measure === 'passive_6' && g.scope === 'dagpenge')).toEqual({
      measure: 'passive_6',
      month: '2024-12',
      scope: 'dagpenge',
      values: [{ municipality: 101, value: 12.5 }],
    });
  });

  it('refuse a value that is not a number and a municipality twice', () => {
    expect(() =>
      parseBenchmarkMeasures(
        'm.csv',
        `${header}\n101,2024-12,all,fast,,,,,\n101,2024-12,all,1,,,,,\n101,2024-12,all,2,,,,,\n`,
        codes,
      ),
    ).toThrow(
      'm.csv, linje 2, kolonne "mean_duration_days" (værdi "fast"): ikke et tal\n' +
        'm.csv, linje 4, kolonne "municipality" (værdi "101"): kommunen står allerede for måneden og omfanget på linje 3',
    );
  });

  it('are read the same from a measurement run as from the file it writes', () => {
    const record = {
      municipality: 101,
      month: '2024-12' as YearMonth,
      scope: 'all' as const,
      spellsEnded: 4,
      meanDurationDays: 210.5,
      exitToWork: [
        { base: 10, count: 2, share: 20 },
        { base: 10, count: 5, share: 50 },
      ],
      passive: [
        { base: 8, count: 1, share: 12.5 },
        { base: 4, count: 1, share: 25 },
      ],
      companyDirected: { base: 20, count: 5, share: 25 },
    };
    const fromRun = benchmarkMeasureValuesOf([record], [3, 6], [182, 365]);
    const fromFile = parseBenchmarkMeasures(
      'm.csv',
      `${header}\n101,2024-12,all,210.5,20,50,12.5,25,25\n`,
      codes,
    );
    expect(fromRun).toEqual(fromFile);
  });
});
