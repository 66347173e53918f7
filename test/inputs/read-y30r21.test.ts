import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOfficialFigures } from '../../src/inputs/read-official-figures.js';
import { decodeExport, parseY30R21 } from '../../src/inputs/read-y30r21.js';
import { periodLabel } from '../../src/core/benchmark/benchmark-period.js';
import { MunicipalityNameMatcher } from '../../src/core/benchmark/municipality-names.js';
import type { Municipality } from '../../src/core/domain/municipality.js';
import { InputError } from '../../src/files/input-error.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';

const FIXTURES = 'test/fixtures/y30r21';
let municipalities: Municipality[];
let matcher: MunicipalityNameMatcher;
let codes: Set<number>;

beforeAll(async () => {
  municipalities = await readMunicipalities();
  matcher = new MunicipalityNameMatcher(municipalities);
  codes = new Set(municipalities.map((m) => m.code));
});

function read(name: string) {
  return readOfficialFigures(`${FIXTURES}/${name}`, name, codes, matcher);
}

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError');
}

const HEADER =
  'Område;Periode;Forventet antal;Faktisk antal;Forskel;Forventet andel (pct.);Faktisk andel (pct.);Forskel (pct.-point);Placering på benchmarkranglisten';

describe('a Jobindsats Y30R21 export', () => {
  it('is read past its title lines, with all 98 municipalities for each of its two periods', async () => {
    const figures = await read('y30r21-alle-ydelser.csv');
    const periods = [...new Set(figures.rates.map((r) => periodLabel(r.period)))];
    expect(periods).toEqual(['2023Q3-2024Q2', '2024']);
    for (const period of periods) {
      const rates = figures.rates.filter((r) => periodLabel(r.period) === period);
      expect(new Set(rates.map((r) => r.municipality))).toEqual(codes);
    }
  });

  it.each([
    ['Vesthimmerland', '2024', 820],
    ['Vesthimmerlands', '2023Q3-2024Q2', 820],
    ['Nordfyn', '2024', 480],
    ['Nordfyns', '2023Q3-2024Q2', 480],
    ['Høje Tåstrup', '2024', 169],
    ['Høje-Taastrup', '2023Q3-2024Q2', 169],
    ['Århus', '2024', 751],
    ['Aarhus', '2023Q3-2024Q2', 751],
    ['Lyngby-Tårbæk', '2024', 173],
    ['Lyngby-Taarbæk', '2023Q3-2024Q2', 173],
    ['Bornholms Regionskommune', '2024', 400],
    ['Bornholm', '2023Q3-2024Q2', 400],
    ['Ringkøbing-Skjern Kommune', '2024', 760],
    ['Ringkøbing Skjern', '2023Q3-2024Q2', 760],
    ['Københavns Kommune', '2024', 101],
    ['Faaborg - Midtfyn', '2023Q3-2024Q2', 430],
    ['Ikast Brande Kommune', '2023Q3-2024Q2', 756],
    ['Taarnby', '2024', 185],
  ])('reads the row of "%s" (%s) as municipality %i', async (name, period, code) => {
    const figures = await read('y30r21-alle-ydelser.csv');
    const periodText = period === '2024' ? '1. kvartal 2024' : '3. kvartal 2023';
    const line = readFileSync(`${FIXTURES}/y30r21-alle-ydelser.csv`, 'utf8')
      .split('\r\n')
      .find((l) => l.startsWith(`"${name}";"${periodText}`));
    const fields = (line ?? '').split(';').map((field) => field.replace(/"/g, ''));
    const rate = figures.rates.find(
      (r) => r.municipality === code && periodLabel(r.period) === period,
    );
    expect(rate?.expectedCount).toBe(Number((fields[2] ?? '').replace(/\./g, '')));
    expect(rate?.rank).toBe(Number(fields[8]));
  });

  it('reads thousands separators and decimal commas to the published figure', async () => {
    const figures = await read('y30r21-alle-ydelser.csv');
    // "Århus";"1. kvartal 2024 - 4. kvartal 2024";"30.661";"25.234";"-5.427";"12,5";"10,3";"-2,2";"4"
    const aarhus = figures.rates.find(
      (r) => r.municipality === 751 && periodLabel(r.period) === '2024',
    );
    expect(aarhus).toMatchObject({
      expectedCount: 30661,
      actualCount: 25234,
      differenceCount: -5427,
      expectedShare: 12.5,
      actualShare: 10.3,
      differencePoints: -2.2,
      rank: 4,
      residents16To66: undefined,
      source: {
        kind: 'official',
        file: 'y30r21-alle-ydelser.csv',
        table: 'Y30R21',
        period: '2024',
      },
    });
  });

  it('skips the whole country and the regions with a note, and says where the header was', async () => {
    const figures = await read('y30r21-alle-ydelser.csv');
    expect(figures.table).toBe('Y30R21');
    expect(figures.notes).toEqual([
      'y30r21-alle-ydelser.csv: springer rækker over for områder, der ikke er kommuner: Hele landet, Region Hovedstaden, Region Midtjylland, Region Nordjylland, Region Sjælland, Region Syddanmark',
      'y30r21-alle-ydelser.csv: overskriftslinjen er linje 4; linjerne før er titel',
      'y30r21-alle-ydelser.csv: noter efter tabellen er sprunget over',
    ]);
  });

  it('refuses an unknown name and Christiansø, naming file, line and the closest name', async () => {
    await expect(read('y30r21-ukendt-kommune.csv')).rejects.toThrow(
      'y30r21-ukendt-kommune.csv, linje 13, kolonne "Område" (værdi "Vesthimerland"): ukendt kommunenavn (mente du "Vesthimmerlands"?)\n' +
        'y30r21-ukendt-kommune.csv, linje 14, kolonne "Område" (værdi "Christiansø"): ukendt kommunenavn',
    );
  });

  it('is read from Windows-1252 too, with a note', async () => {
    const figures = await read('y30r21-windows-1252.csv');
    expect(figures.notes[0]).toBe(
      'y30r21-windows-1252.csv: filen er ikke UTF-8 og er læst som Windows-1252 (Excel-standard)',
    );
    expect(figures.rates.map((r) => r.municipality)).toEqual([153, 169, 185, 492, 825]);
  });

  it('refuses a difference that is expected − actual instead of actual − expected', () => {
    const text = `${HEADER}\nOdense;2024;12.000;12.600;-600;10,0;10,5;-0,5;1\n`;
    expect(errorOf(() => parseY30R21('y.csv', text, matcher)).message).toBe(
      'y.csv, linje 2, kolonne "Forskel" (værdi "-600"): forskellen skal være faktisk − forventet = 600, men filen siger -600\n' +
        'y.csv, linje 2, kolonne "Forskel (pct.-point)" (værdi "-0,5"): forskellen skal være faktisk − forventet = 0,5, men filen siger -0,5',
    );
  });

  it('accepts published differences that differ from actual − expected only by rounding', () => {
    // 10,3 − 10,2 = 0,1 but the unrounded difference published is 0,2.
    const text = `${HEADER}\nOdense;2024;12.000;12.120;120;10,2;10,3;0,2;1\n`;
    expect(parseY30R21('y.csv', text, matcher).rates[0]?.differencePoints).toBe(0.2);
  });

  it('refuses a figure that is not a Danish number, a share above 100 and a missing figure', () => {
    const text = `${HEADER}\nOdense;2024;12.5;12.600;600;10,0;10,5;0,5;1\nAalborg;2024;9.000;9.100;100;101,0;10,1;0,1;2\nVejle;2024;..;9.100;;10,0;10,1;0,1;3\n`;
    expect(errorOf(() => parseY30R21('y.csv', text, matcher)).message).toBe(
      [
        'y.csv, linje 2, kolonne "Forventet antal" (værdi "12.5"): ikke et tal på dansk form (fx 1.234,5)',
        'y.csv, linje 3, kolonne "Forventet andel (pct.)" (værdi "101,0"): en andel i procent skal ligge mellem 0 og 100',
        'y.csv, linje 4, kolonne "Forventet antal" (værdi ".."): tallet mangler',
      ].join('\n'),
    );
  });

  it('refuses the same municipality twice in a period, also under two spellings', () => {
    const text = `${HEADER}\nAarhus;2024;12.000;12.600;600;10,0;10,5;0,5;1\nÅrhus Kommune;2024;12.000;12.600;600;10,0;10,5;0,5;1\n`;
    expect(errorOf(() => parseY30R21('y.csv', text, matcher)).message).toBe(
      'y.csv, linje 3, kolonne "Område" (værdi "Århus Kommune"): Aarhus står allerede for perioden på linje 2 (samme kommune to gange)',
    );
  });

  it('refuses a file without the required columns, naming them', () => {
    const text = 'Område;Periode;Forventet antal;Faktisk antal\nOdense;2024;1;2\n';
    expect(errorOf(() => parseY30R21('y.csv', text, matcher)).message).toBe(
      'y.csv, linje 1, kolonne "Forventet andel (pct.)": påkrævet kolonne mangler\n' +
        'y.csv, linje 1, kolonne "Faktisk andel (pct.)": påkrævet kolonne mangler',
    );
  });

  it('refuses a file with no header of an area and a period', () => {
    expect(
      errorOf(() => parseY30R21('y.csv', 'Kommune;2021;2022\nOdense;1;2\n', matcher)).message,
    ).toBe(
      'y.csv: fandt ingen overskriftslinje med kolonnerne "Område" og "Periode" i de første 30 linjer (er det en eksport af Jobindsats-tabel Y30R21 med perioden i rækkerne?)',
    );
  });

  it('computes ranks when the file has none, and differences when it has none', () => {
    const text =
      'Område;Periode;Forventet antal;Faktisk antal;Forventet andel (pct.);Faktisk andel (pct.)\n' +
      'Odense;1. halvår 2024;12.000;12.600;10,0;10,5\nAalborg;1. halvår 2024;9.000;8.100;10,0;9,0\n';
    const figures = parseY30R21('y.csv', text, matcher);
    expect(
      figures.rates.map((r) => [
        r.municipality,
        periodLabel(r.period),
        r.differenceCount,
        r.differencePoints,
        r.rank,
      ]),
    ).toEqual([
      [461, '2024-H1', 600, 0.5, 2],
      [851, '2024-H1', -900, -1, 1],
    ]);
  });

  it('decodes UTF-8 with a byte-order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFÅrhus');
    expect(decodeExport(bytes)).toEqual({ text: 'Århus', note: undefined });
  });
});

describe('a Y30R21 export split by benefit group', () => {
  it('is read for all benefits together, the other groups skipped with a note', async () => {
    const figures = await read('y30r21-ydelsesgrupper.csv');
    expect(figures.rates.map((r) => [r.municipality, r.expectedCount, r.rank])).toEqual([
      [101, 45852, 7],
      [169, 4410, 88],
      [461, 15210, 60],
      [820, 2569, 30],
    ]);
    expect(figures.notes[0]).toBe(
      'y30r21-ydelsesgrupper.csv: springer rækker over for enkelte ydelsesgrupper (resultatmålet bruger alle ydelser i alt): A-dagpenge mv., Sygedagpenge mv., Kontanthjælp mv.',
    );
  });

  it('is refused when it holds only one benefit group', () => {
    const text =
      'Område;Ydelsesgruppe;Periode;Forventet antal;Faktisk antal;Forventet andel (pct.);Faktisk andel (pct.)\n' +
      'Odense;A-dagpenge mv.;2024;3.000;3.100;2,2;2,3\n';
    expect(() => parseY30R21('y.csv', text, matcher)).toThrow(
      'y.csv, kolonne "Ydelsesgruppe": filen har kun tal for "A-dagpenge mv."; resultatmålet bruger den samlede ydelsesgrad på tværs af ydelser (§ 4), så eksporter "Alle ydelser i alt"',
    );
  });
});

describe('the end of a Y30R21 export', () => {
  it('is a truncated row, not a note, when the short last line starts with a municipality', () => {
    const text = `${HEADER}\nOdense;2024;12.000;12.600;600;10,0;10,5;0,5;1\nAalborg;2024;9.000\n`;
    expect(() => parseY30R21('y.csv', text, matcher)).toThrow(
      'y.csv, linje 3: linjen har 3 felter, men overskriften har 9',
    );
  });
});
