import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExpectedRatesCsv } from '../../src/inputs/read-expected-rates-csv.js';
import { readOfficialFigures } from '../../src/inputs/read-official-figures.js';
import { formatExpectedRates, writeExpectedRates } from '../../src/reports/write-expected-rates.js';
import { calendarYear, periodLabel } from '../../src/core/benchmark/benchmark-period.js';
import type { ExpectedRate } from '../../src/core/benchmark/expected-rates.js';
import { MunicipalityNameMatcher } from '../../src/core/benchmark/municipality-names.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';

let codes: Set<number>;
let matcher: MunicipalityNameMatcher;
const directory = mkdtempSync(join(tmpdir(), 'tilsyn-rates-'));
beforeAll(async () => {
  const municipalities = await readMunicipalities();
  codes = new Set(municipalities.map((m) => m.code));
  matcher = new MunicipalityNameMatcher(municipalities);
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('a plain expected_rates file', () => {
  it('is read with semicolons and decimal commas, codes or names, ranked by the difference', () => {
    const rates = parseExpectedRatesCsv(
      'expected_rates.csv',
      'municipality;year;expected_count;actual_count;expected_share;actual_share\n101;2024;45000;44000,5;10,2;9,98\nVesthimmerland;2024;2500;2600;9,5;9,88\n',
      codes,
      matcher,
    );
    expect(rates).toEqual([
      {
        municipality: 101,
        period: calendarYear(2024),
        residents16To66: undefined,
        expectedCount: 45000,
        actualCount: 44000.5,
        expectedShare: 10.2,
        actualShare: 9.98,
        differenceCount: 44000.5 - 45000,
        differencePoints: 9.98 - 10.2,
        rank: 1,
        source: {
          kind: 'official',
          file: 'expected_rates.csv',
          table: 'expected_rates',
          period: '2024',
        },
      },
      expect.objectContaining({ municipality: 820, rank: 2, differencePoints: 9.88 - 9.5 }),
    ]);
  });

  it('with semicolons reads a point before exactly three digits as a thousands separator', () => {
    const rates = parseExpectedRatesCsv(
      'expected_rates.csv',
      'municipality;year;expected_count;actual_count;expected_share;actual_share\n101;2021;43.948;43948;9,1;9,1\n147;2021;1.234,5;1234,5;0.410;0,41\n',
      codes,
      matcher,
    );
    expect(rates.map((rate) => [rate.expectedCount, rate.actualCount])).toEqual([
      [43948, 43948],
      [1234.5, 1234.5],
    ]);
    expect(rates.map((rate) => rate.expectedShare)).toEqual([9.1, 0.41]);
  });

  it('with semicolons refuses a number whose point is neither a thousands separator nor alone', () => {
    expect(() =>
      parseExpectedRatesCsv(
        'e.csv',
        'municipality;year;expected_count;actual_count;expected_share;actual_share\n101;2021;1.23,5;1;1;1\n',
        codes,
        matcher,
      ),
    ).toThrow('e.csv, linje 2, kolonne "expected_count" (værdi "1.23,5"): ikke et tal (fx 12,5)');
  });

  it('is refused with file, line, column and value for every bad cell', () => {
    expect(() =>
      parseExpectedRatesCsv(
        'e.csv',
        'municipality,year,expected_count,actual_count,expected_share,actual_share\n998,2024,1,1,1,1\nOdense,20x4,1,1,1,1\nOdense,2024,1,1,101,1\nAtlantis,2024,1,1,1,1\n',
        codes,
        matcher,
      ),
    ).toThrow(
      [
        'e.csv, linje 2, kolonne "municipality" (værdi "998"): ukendt kommunekode',
        'e.csv, linje 3, kolonne "year" (værdi "20x4"): skal være et årstal',
        'e.csv, linje 4, kolonne "expected_share" (værdi "101"): en andel i procent skal ligge mellem 0 og 100',
        'e.csv, linje 5, kolonne "municipality" (værdi "Atlantis"): ukendt kommunenavn',
      ].join('\n'),
    );
  });

  it('is written with its source and read back to the same figures, ranks and period', async () => {
    const rate: ExpectedRate = {
      municipality: 147,
      period: calendarYear(2024),
      residents16To66: 70000,
      expectedCount: 7123.456789,
      actualCount: 7000.25,
      expectedShare: (7123.456789 / 70000) * 100,
      actualShare: (7000.25 / 70000) * 100,
      differenceCount: 7000.25 - 7123.456789,
      differencePoints: ((7000.25 - 7123.456789) / 70000) * 100,
      rank: 3,
      source: { kind: 'model', modelId: 'benchmark-2024-0123456789abcdef', period: '2024' },
    };
    const path = join(directory, 'expected_rates.csv');
    await writeExpectedRates(path, [rate]);
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(formatExpectedRates([rate]));
    expect(text.split('\n')[0]).toBe(
      'municipality,year,expected_count,actual_count,expected_share,actual_share,difference_count,difference_points,rank,period,source',
    );
    const figures = await readOfficialFigures(path, 'expected_rates.csv', codes, matcher);
    expect(figures.table).toBe('expected_rates');
    const [back] = figures.rates;
    expect(back).toMatchObject({
      municipality: 147,
      expectedCount: rate.expectedCount,
      actualCount: rate.actualCount,
      expectedShare: rate.expectedShare,
      actualShare: rate.actualShare,
      differenceCount: rate.differenceCount,
      differencePoints: rate.differencePoints,
      rank: 3,
      source: {
        kind: 'official',
        table: 'expected_rates',
        period: '2024',
        declaredSource: 'model:benchmark-2024-0123456789abcdef',
      },
    });
    expect(back && periodLabel(back.period)).toBe('2024');
  });
});
