import { describe, expect, it } from 'vitest';
import { yearMonth, type YearMonth } from '../../../src/core/calendar/year-month.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import type { Municipality } from '../../../src/core/domain/municipality.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { formatCitation } from '../../../src/core/rules/legal-source.js';
import { firstGroundingYear, rulesForAssessment } from '../../../src/core/rules/rules-in-force.js';
import { statusReport } from '../../../src/core/status-report/status-report.js';
import { monthsOf, rateOf } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

/**
 * Three municipalities, 2023-01 … 2025-06:
 * - København (101): target 200; conversations 50 passive (25 %), offers 40 (20 %);
 *   result goal +1 point (100 persons) → Table 1.
 * - Frederiksberg (147): target 100; conversations 10 (10 %); offers 35 (35 %) up to
 *   2024-12, then 25 (25 %) → 12-month average at 2025-06 exactly 30 %, which is
 *   not under 30 %; result goal +0,5 point (50 persons) → Table 2.
 * - Ballerup (151): target 100; conversations 30 (30 %), offers 20 (20 %);
 *   result goal +0,01 point (3 persons) → Table 1, "on the border".
 * National, per month: conversations 90/400 = 22,5 %; offers 95/400 = 23,75 %
 * up to 2024-12 and 85/400 = 21,25 % from 2025-01.
 */
const MUNICIPALITIES: Municipality[] = [
  { code: 101, name: 'København', regionCode: 1084, region: 'Region Hovedstaden', amk: 'AMK Øst' },
  {
    code: 147,
    name: 'Frederiksberg',
    regionCode: 1084,
    region: 'Region Hovedstaden',
    amk: 'AMK Øst',
  },
  { code: 151, name: 'Ballerup', regionCode: 1084, region: 'Region Hovedstaden', amk: 'AMK Øst' },
];

function aggregates(from: string, to: string, skip?: { code: number; month: string }) {
  const rows = [
    ...monthsOf(101, 'conversations', from, to, () => ({ target: 200, passive: 50 })),
    ...monthsOf(101, 'offers', from, to, () => ({ target: 200, passive: 40 })),
    ...monthsOf(147, 'conversations', from, to, () => ({ target: 100, passive: 10 })),
    ...monthsOf(147, 'offers', from, to, (month: YearMonth) => ({
      target: 100,
      passive: month <= '2024-12' ? 35 : 25,
    })),
    ...monthsOf(151, 'conversations', from, to, () => ({ target: 100, passive: 30 })),
    ...monthsOf(151, 'offers', from, to, () => ({ target: 100, passive: 20 })),
  ].filter(
    (row) =>
      !(
        skip &&
        row.municipality === skip.code &&
        row.month === skip.month &&
        row.goal === 'conversations'
      ),
  );
  return new MonthlyAggregates(rows);
}

const rates = new ExpectedRates(
  [2020, 2021, 2022, 2023, 2024].flatMap((year) => [
    rateOf(101, year, 1, 100),
    rateOf(147, year, 0.5, 50),
    rateOf(151, year, 0.01, 3),
  ]),
);

function report(
  month: string,
  options: { skip?: { code: number; month: string }; from?: string } = {},
) {
  return statusReport({
    rules: OFFICIAL_RULES,
    month: yearMonth(month),
    inputs: {
      municipalities: [101, 147, 151],
      aggregates: aggregates(options.from ?? '2023-01', month, options.skip),
      rates,
    },
    municipalities: MUNICIPALITIES,
    contacts: [
      {
        municipality: 147,
        firstContact: '2025-03-12',
        wantsAssistance: 'ja',
        mappingDone: false,
        effort: 'Taskforce om virksomhedsrettede tilbud',
      },
      {
        municipality: 999,
        firstContact: null,
        wantsAssistance: null,
        mappingDone: null,
        effort: null,
      },
    ],
    source: { focus: 'focus.csv', rates: 'rates.csv', loadId: 'L1' },
  });
}

describe('the quarterly status report of June 2025', () => {
  const june = report('2025-06');

  it('is judged by the 2025 assessment’s rules, with the rates of 2024', () => {
    expect(june.schema).toBe('tilsyn.status-report/1');
    expect(june.assessmentYear).toBe(2025);
    expect(june.rules).toEqual({
      version: 'v2023',
      instrument: 'bek. nr. 301 af 20/03/2023',
      date: '2026-04-01',
    });
    expect(june.ratesYear).toBe(2024);
    expect(june.thresholds.offers).toEqual({
      value: 30,
      citation: 'bek. nr. 301 af 20/03/2023 § 5, nr. 1',
    });
    expect(june.thresholds.conversations.value).toBe(20);
  });

  it('Figure 1 has the national share of the 18 months July 2024 … June 2025, pooled over the municipalities', () => {
    const months = june.figure.months;
    expect(months.map((point) => point.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(months[0]?.share).toEqual({ offers: 23.75, conversations: 22.5 });
    expect(months[11]?.share).toEqual({ offers: 23.75, conversations: 22.5 });
    expect(months[12]?.share).toEqual({ offers: 21.25, conversations: 22.5 });
    // January 2025: eleven months at 23,75 and one at 21,25.
    expect(months[12]?.average.offers).toBeCloseTo((11 * 23.75 + 21.25) / 12, 12);
    expect(months[17]?.average).toEqual({ offers: 22.5, conversations: 22.5 });
    expect(june.national.offers).toEqual({ share: 21.25, average: 22.5 });
    expect(
      months.every(
        (point) => point.threshold.offers === 30 && point.threshold.conversations === 20,
      ),
    ).toBe(true);
    expect(june.figure.title).toBe(
      'Figur 1. Andel passive på landsplan, januar 2024 – juni 2025 (%)',
    );
  });

  it('Table 1 lists the municipalities missing the conversations goal and the result goal, highest share first, with Ballerup on the border', () => {
    const [table1] = june.tables;
    expect(table1?.goal).toBe('conversations');
    expect(
      table1?.rows.map((row) => [row.municipality.name, row.measure, row.onTheBorder]),
    ).toEqual([
      ['Ballerup', 30, true],
      ['København', 25, false],
    ]);
    const copenhagen = table1?.rows[1]?.resultGoal;
    expect(copenhagen).toMatchObject({
      ratesYear: 2024,
      expectedCount: 5000,
      actualCount: 5100,
      differencePersons: 100,
      differencePoints: 1,
      expectedCountPublished: 5000,
      actualCountPublished: 5100,
      differencePersonsPublished: 100,
    });
    expect(table1?.rows[0]?.resultGoal.differencePersonsPublished).toBe(0);
    expect(table1?.notes).toEqual([
      'Ballerup er "på grænsen": forskellen afrundes til 0 fuldtidspersoner, men den faktiske ydelsesgrad er over den forventede, så resultatmålet er ikke opfyldt.',
    ]);
  });

  it('Table 2 lists Frederiksberg, whose offers average of exactly 30 % is not under the threshold', () => {
    const table2 = june.tables[1];
    expect(table2?.goal).toBe('offers');
    expect(table2?.title).toBe(
      'Tabel 2. Kommuner, der ikke opfylder fokusmålet om tilbud mv. (gns. de seneste 12 mdr. under 30 %) og resultatmålet',
    );
    expect(table2?.rows.map((row) => [row.municipality.code, row.measure])).toEqual([[147, 30]]);
    expect(table2?.canGround).toBe(true);
  });

  it('Table 3 lists every municipality of Tables 1 and 2 in Danish alphabetical order, with the AMK’s records where there are any', () => {
    expect(june.contacts.rows).toEqual([
      {
        municipality: { code: 151, name: 'Ballerup' },
        amk: 'AMK Øst',
        goalsMissed: ['conversations'],
        firstContact: null,
        wantsAssistance: null,
        mappingDone: null,
        effort: null,
      },
      {
        municipality: { code: 147, name: 'Frederiksberg' },
        amk: 'AMK Øst',
        goalsMissed: ['offers'],
        firstContact: '2025-03-12',
        wantsAssistance: 'ja',
        mappingDone: false,
        effort: 'Taskforce om virksomhedsrettede tilbud',
      },
      {
        municipality: { code: 101, name: 'København' },
        amk: 'AMK Øst',
        goalsMissed: ['conversations'],
        firstContact: null,
        wantsAssistance: null,
        mappingDone: null,
        effort: null,
      },
    ]);
  });

  it('the appendix has every municipality’s shares of April, May and June 2025 and the 12-month averages', () => {
    expect(june.appendix.months).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(june.appendix.rows.map((row) => row.municipality.code)).toEqual([101, 147, 151]);
    expect(june.appendix.rows[1]?.goals).toEqual({
      offers: { monthly: [25, 25, 25], average: 30, outcome: 'missed' },
      conversations: { monthly: [10, 10, 10], average: 10, outcome: 'met' },
    });
    expect(june.appendix.rows[0]?.goals.conversations).toEqual({
      monthly: [25, 25, 25],
      average: 25,
      outcome: 'missed',
    });
  });

  it('states the national figures, the tables’ counts, the notes with their sources and the source with the data load', () => {
    expect(june.summary).toContain(
      'Landsplan, gennemsnitlig andel passive de seneste 12 måneder: tilbud mv. 22,5 % (grænse 30 %), samtaler 22,5 % (grænse 20 %).',
    );
    expect(june.summary).toContain(
      '2 kommuner opfylder hverken fokusmålet om samtaler eller resultatmålet (tabel 1).',
    );
    expect(june.notes.map((note) => note.source)).toEqual([
      'bek. nr. 301 af 20/03/2023 § 5, nr. 1',
      'bek. nr. 301 af 20/03/2023 § 5, nr. 2',
      'lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a § 22 b',
      null,
      'bek. nr. 301 af 20/03/2023 § 4',
    ]);
    expect(june.notes[2]?.text).toContain('Grænserne er de samme for alle månederne i figur 1.');
    expect(june.notes.some((note) => note.text.includes('COVID-19'))).toBe(false);
    expect(june.source.loadId).toBe('L1');
    expect(june.source.text).toBe(
      'Kilde: fokusmålinger fra focus.csv; forventede og faktiske ydelsesgrader fra rates.csv (officielle tal (expected_rates, testtal, periode 2024)). Regler: bek. nr. 301 af 20/03/2023 (v2023).',
    );
  });

  it('is plain data: it survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(june))).toEqual(june);
  });
});

describe('the national series', () => {
  it('has no share for a month a municipality lacks, and no average whose window counts that month', () => {
    const june = report('2025-06', { skip: { code: 151, month: '2024-03' } });
    const march = june.figure.months.find((point) => point.month === '2024-03');
    expect(march?.share).toEqual({ offers: 23.75, conversations: null });
    expect(
      june.figure.months.find((point) => point.month === '2025-02')?.average.conversations,
    ).toBeNull();
    expect(
      june.figure.months.find((point) => point.month === '2025-03')?.average.conversations,
    ).toBe(22.5);
  });

  it('in June 2022 draws the 20 % offers threshold for the months of 2021 and 30 % for those of 2022, and notes the COVID-19 months its windows reach', () => {
    const june2022 = report('2022-06', { from: '2019-01' });
    const thresholds = june2022.figure.months.map((point) => [point.month, point.threshold.offers]);
    expect(thresholds[0]).toEqual(['2021-01', 20]);
    expect(thresholds[11]).toEqual(['2021-12', 20]);
    expect(thresholds[12]).toEqual(['2022-01', 30]);
    expect(june2022.notes[2]?.text).toContain(
      'I figur 1 er grænsen for tilbud mv. 20 % for månederne i 2021 og 30 % for månederne i 2022.',
    );
    const covid = june2022.notes.find((note) => note.text.includes('COVID-19'));
    expect(covid?.text).toMatch(
      /^Månederne marts 2020 – juni 2020 indgår ikke i gennemsnittene \(COVID-19\)/,
    );
    // January 2021's window is February 2020 … January 2021 less March – June 2020: 8 months.
    expect(june2022.figure.months[0]?.average.conversations).toBe(22.5);
    expect(june2022.tables[1]?.canGround).toBe(false);
    const limit = formatCitation(
      firstGroundingYear(rulesForAssessment(OFFICIAL_RULES, 2022), 'offers').source,
    );
    expect(june2022.tables[1]?.notes).toEqual([
      `Fokusmålet om tilbud mv. kan ikke begrunde en afgørelse ved opgørelsen af 2022 (først fra opgørelsen af 2023), jf. ${limit}.`,
    ]);
  });
});
