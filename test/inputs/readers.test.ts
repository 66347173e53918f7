import { describe, expect, it } from 'vitest';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { isCprNumber } from '../../src/loading/cpr-number.js';
import { monthRanges, missingInputProblems } from '../../src/inputs/missing-input-problems.js';
import { assessmentRatesOf } from '../../src/inputs/read-official-figures.js';
import { parseExpectedRatesCsv } from '../../src/inputs/read-expected-rates-csv.js';
import { periodLabel } from '../../src/core/benchmark/benchmark-period.js';
import { describeSource } from '../../src/core/benchmark/expected-rates.js';
import { MunicipalityNameMatcher } from '../../src/core/benchmark/municipality-names.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';
import { focusMeasuresFromTable } from '../../src/inputs/read-focus-measures.js';
import { samplePersonsFromTable } from '../../src/inputs/read-sample-persons.js';
import { statusFromTable } from '../../src/inputs/read-status.js';
import { readCsvFile } from '../../src/files/read-text-file.js';
import { parseCsv } from '../../src/files/csv-table.js';
import { InputError } from '../../src/files/input-error.js';

const KNOWN = new Set([101, 147, 151]);

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

async function errorOfAsync(action: () => Promise<unknown>): Promise<InputError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('the focus_measures file', () => {
  const read = (text: string) => focusMeasuresFromTable(parseCsv('fokus.csv', text), KNOWN);

  it('reads rows, with scope "all" when the column is missing', () => {
    const aggregates = read(
      'municipality,month,goal,target,passive\n101,2023-01,offers,200,50\n101,2023-01,conversations,200,20\n',
    );
    expect(aggregates.count(101, 'offers', 'all', yearMonth('2023-01'))).toEqual({
      target: 200,
      passive: 50,
    });
  });

  it('reads the Danish layout with ";" and per-type scopes', () => {
    const aggregates = read(
      'municipality;month;goal;scope;target;passive\n147;2023-02;offers;dagpenge;10;3\n',
    );
    expect(aggregates.count(147, 'offers', 'dagpenge', yearMonth('2023-02'))).toEqual({
      target: 10,
      passive: 3,
    });
  });

  it('names file, line, column, value and reason for every bad field', () => {
    const error = errorOf(() =>
      read(
        [
          'municipality,month,goal,target,passive,scope',
          '999,2023-13,tilbud,-1,x,alle',
          '101,2023-01,offers,10,11,all',
        ].join('\n'),
      ),
    );
    expect(error.message.split('\n')).toEqual([
      'fokus.csv, linje 2, kolonne "municipality" (værdi "999"): ukendt kommunekode (ikke blandt de 98 kommuner)',
      'fokus.csv, linje 2, kolonne "month" (værdi "2023-13"): skal være en måned på formen ÅÅÅÅ-MM',
      'fokus.csv, linje 2, kolonne "goal" (værdi "tilbud"): skal være "offers" eller "conversations"',
      'fokus.csv, linje 2, kolonne "scope" (værdi "alle"): skal være "all", en ydelsesgruppe eller en ydelsestype (fx "kontanthjaelp")',
      'fokus.csv, linje 2, kolonne "target" (værdi "-1"): skal være et ikke-negativt heltal',
      'fokus.csv, linje 2, kolonne "passive" (værdi "x"): skal være et ikke-negativt heltal',
      'fokus.csv, linje 3, kolonne "passive" (værdi "11"): flere passive end personer i målgruppen (target er 10)',
    ]);
  });

  it('refuses a row given twice, naming both lines', () => {
    const error = errorOf(() =>
      read(
        'municipality,month,goal,target,passive\n101,2023-01,offers,1,0\n101,2023-01,offers,2,0\n',
      ),
    );
    expect(error.message).toBe(
      'fokus.csv, linje 3: kommune 101, måned 2023-01, mål "offers", scope "all" står også i linje 2',
    );
  });

  it('refuses a file without a required column', () => {
    const error = errorOf(() => read('municipality,month,goal,target\n'));
    expect(error.message).toBe('fokus.csv, linje 1, kolonne "passive": påkrævet kolonne mangler');
  });
});

describe('the expected_rates file', () => {
  const header = 'municipality,year,expected_count,actual_count,expected_share,actual_share';
  const read = async (text: string) =>
    assessmentRatesOf(
      parseExpectedRatesCsv(
        'rater.csv',
        text,
        KNOWN,
        new MunicipalityNameMatcher(await readMunicipalities()),
      ),
    );

  it('reads decimals with "." and with the decimal comma in ";" files, and names the file as the source', async () => {
    const rate = (await read(`${header}\n101,2023,5000.5,5100,10.25,10.45\n`)).get(101, 2023);
    expect(
      rate && { ...rate, period: periodLabel(rate.period), source: describeSource(rate.source) },
    ).toEqual({
      municipality: 101,
      period: '2023',
      residents16To66: undefined,
      expectedCount: 5000.5,
      actualCount: 5100,
      expectedShare: 10.25,
      actualShare: 10.45,
      differenceCount: 5100 - 5000.5,
      differencePoints: 10.45 - 10.25,
      rank: 1,
      source: 'officielle tal (expected_rates, rater.csv, periode 2023)',
    });
    const danish = await read(`${header.replaceAll(',', ';')}\n101;2023;5000,5;5100;10,25;10,45\n`);
    expect(danish.get(101, 2023)?.expectedShare).toBe(10.25);
  });

  it('says so when the figures come from the benchmark model written by tilsyn benchmark --out', async () => {
    const rates = await read(
      `${header},source\n101,2023,5000.5,5100,10.25,10.45,model:benchmark-2023-0123456789abcdef\n`,
    );
    const source = rates.get(101, 2023)?.source;
    expect(source && describeSource(source)).toBe(
      'benchmarkmodel benchmark-2023-0123456789abcdef (fra filen rater.csv)',
    );
  });

  it('refuses shares outside 0–100, negative counts and duplicate years', async () => {
    const error = await errorOfAsync(() =>
      read(`${header}\n101,2023,-1,5100,10.25,101\n147,2023,1,1,1,1\n147,2023,1,1,1,1\n`),
    );
    expect(error.message.split('\n')).toEqual([
      'rater.csv, linje 2, kolonne "expected_count" (værdi "-1"): et antal kan ikke være negativt',
      'rater.csv, linje 2, kolonne "actual_share" (værdi "101"): en andel i procent skal ligge mellem 0 og 100',
      'rater.csv, linje 4, kolonne "municipality" (værdi "147"): kommunen står allerede for perioden på linje 3',
    ]);
  });
});

describe('the status file', () => {
  const read = (text: string) => statusFromTable(parseCsv('status.csv', text), KNOWN, 2023);

  it('reads each case with its selection year and baseline', () => {
    const states = read(
      'municipality,status,selected_year,baseline_offers,baseline_conversations\n101,supervised,2022,35.5,18\n147,none,,,\n',
    );
    expect(states.get(101)).toEqual({
      status: 'supervised',
      selectedYear: 2022,
      baseline: { offers: 35.5, conversations: 18 },
    });
    expect(states.get(147)?.status).toBe('none');
  });

  it('needs only municipality and status; the baseline may be left empty', () => {
    expect(read('municipality,status\n101,administration\n').get(101)).toEqual({
      status: 'administration',
      selectedYear: undefined,
      baseline: { offers: undefined, conversations: undefined },
    });
  });

  it('refuses unknown statuses, selection years not before the first year, and a case for "none"', () => {
    const error = errorOf(() =>
      read('municipality,status,selected_year\n101,udvalgt,\n147,supervised,2023\n151,none,2021\n'),
    );
    expect(error.message.split('\n')).toEqual([
      'status.csv, linje 2, kolonne "status" (værdi "udvalgt"): skal være "none", "supervised", "extended" eller "administration"',
      'status.csv, linje 3, kolonne "selected_year" (værdi "2023"): skal være et årstal før det første opgørelsesår, 2023',
      'status.csv, linje 4, kolonne "status" (værdi "none"): en kommune uden skærpet tilsyn kan ikke have selected_year eller baseline',
    ]);
  });
});

describe('the per-person file of the case sample', () => {
  const header = 'person_id,municipality,benefit,passive_offers,passive_conversations';
  const read = (text: string) => samplePersonsFromTable(parseCsv('personer.csv', text), KNOWN);

  it('reads persons with true/false or 1/0', () => {
    expect(read(`${header}\np1,101,dagpenge,true,0\np2,101,kontanthjaelp,FALSE,1\n`)).toEqual([
      {
        personId: 'p1',
        municipality: 101,
        benefit: 'dagpenge',
        passiveOffers: true,
        passiveConversations: false,
      },
      {
        personId: 'p2',
        municipality: 101,
        benefit: 'kontanthjaelp',
        passiveOffers: false,
        passiveConversations: true,
      },
    ]);
  });

  it('refuses CPR numbers without repeating them, unknown benefits and duplicate persons', () => {
    const error = errorOf(() =>
      read(
        `${header}\n0101801234,101,dagpenge,1,1\np1,101,pension,1,1\np2,101,dagpenge,ja,1\np3,101,dagpenge,1,1\np3,101,dagpenge,1,1\n`,
      ),
    );
    expect(error.message.split('\n')).toEqual([
      'personer.csv, linje 2, kolonne "person_id": ligner et CPR-nummer; brug pseudonymer (værdien vises ikke)',
      'personer.csv, linje 3, kolonne "benefit" (værdi "pension"): skal være en ydelsestype, fx "dagpenge" eller "kontanthjaelp"',
      'personer.csv, linje 4, kolonne "passive_offers" (værdi "ja"): skal være true/false eller 1/0',
      'personer.csv, linje 6, kolonne "person_id" (værdi "p3"): personen står også i linje 5',
    ]);
    expect(error.message).not.toContain('0101801234');
  });

  it('recognises CPR numbers by a valid date in the first six digits', () => {
    expect(isCprNumber('0101801234')).toBe(true);
    expect(isCprNumber('290200-1234')).toBe(true);
    expect(isCprNumber('3102801234')).toBe(false);
    expect(isCprNumber('1234567890')).toBe(false);
    expect(isCprNumber('p-0101801234')).toBe(false);
  });
});

describe('files that cannot be read', () => {
  it('a missing file is bad input naming the file', async () => {
    await expect(readCsvFile('/no/such/file.csv', 'fokus.csv')).rejects.toThrow(
      'fokus.csv: filen findes ikke',
    );
  });
});

describe('what the inputs lack', () => {
  it('is told per file, with the months as ranges', () => {
    const problems = missingInputProblems(
      [
        { kind: 'rates', municipality: 101, year: 2022 },
        {
          kind: 'focus_measures',
          municipality: 147,
          goal: 'conversations',
          month: yearMonth('2022-12'),
          months: ['2022-01', '2022-02', '2022-03', '2022-07'].map(yearMonth),
        },
        { kind: 'rates_year', year: 2021 },
      ],
      { focus: 'fokus.csv', rates: 'rater.csv' },
      (code) => `kommune ${code}`,
    );
    expect(problems.map((problem) => `${problem.file}: ${problem.reason}`)).toEqual([
      'rater.csv: mangler en række for kommune 101, år 2022',
      'fokus.csv: mangler månederne 2022-01 – 2022-03, 2022-07 for kommune 147, mål "conversations", scope "all" (de indgår i fokusmålingen for 2022-12)',
      'rater.csv: har ingen forventede ydelsesgrader for 2021 eller et tidligere år',
    ]);
    expect(monthRanges([yearMonth('2021-12'), yearMonth('2022-01')])).toBe('2021-12 – 2022-01');
  });
});
