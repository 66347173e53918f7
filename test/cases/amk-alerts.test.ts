/**
 * The AMK's early-effort alerts as the web lists them, against the alert
 * rule of STAR's letter of 4 May 2021 (regime.md § 6; seed 003): more than
 * 20 % of at least 10 citizens of a benefit group without the requirement,
 * three months in a row, raises a contact; six months later the effort is
 * checked.
 */
import { describe, expect, it } from 'vitest';
import { amkAlertsView, type AmkLatestContact } from '../../src/cases/views/amk-alerts.js';
import { addMonths, monthRange, yearMonth } from '../../src/core/calendar/year-month.js';
import type { BenefitGroup } from '../../src/core/domain/benefit-type.js';
import type { Municipality } from '../../src/core/domain/municipality.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import type { EarlyEffortFigure } from '../../src/measuring/measure-results.js';

const MONTH = yearMonth('2024-12');
const MONTHS = monthRange(yearMonth('2023-01'), MONTH);

const municipality = (code: number, name: string, amk: string): Municipality => ({
  code,
  name,
  regionCode: 1081,
  region: 'Region Nordjylland',
  amk,
});
const AARHUS = municipality(751, 'Aarhus', 'AMK Midt-Nord');
const AALBORG = municipality(851, 'Aalborg', 'AMK Midt-Nord');
const ODENSE = municipality(461, 'Odense', 'AMK Syd');

/** Every month met (1 of 20 without conversations or offer), but `unmet` of `cohort` in the given months. */
function series(
  code: number,
  group: BenefitGroup,
  breaches: Readonly<Record<string, { cohort: number; unmet: number }>>,
): EarlyEffortFigure[] {
  return MONTHS.map((month) => {
    const breach = breaches[month];
    return {
      municipality: code,
      month,
      group,
      cohort: breach?.cohort ?? 20,
      conversationsUnmet: breach?.unmet ?? 1,
      offerUnmet: 1,
    };
  });
}

function months(from: string, count: number, figures: { cohort: number; unmet: number }) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [addMonths(yearMonth(from), index), figures]),
  );
}

function view(
  earlyEffort: readonly EarlyEffortFigure[] | undefined,
  options: {
    visible?: (code: number) => boolean;
    amk?: string | null;
    contacts?: ReadonlyMap<number, AmkLatestContact>;
  } = {},
) {
  return amkAlertsView({
    rules: OFFICIAL_RULES,
    month: MONTH,
    municipalities: [AARHUS, AALBORG, ODENSE],
    earlyEffort,
    contacts: options.contacts ?? new Map(),
    visible: options.visible ?? (() => true),
    amk: options.amk ?? null,
    source: 'Kilde: test',
  });
}

const aarhusOf = (result: ReturnType<typeof view>) => {
  const entry = result.municipalities.find((row) => row.code === AARHUS.code);
  if (entry === undefined) throw new Error('Aarhus is not listed');
  return entry;
};

describe('the early-effort alerts of a region', () => {
  it('raises a contact after three months with more than 20 % of at least 10 citizens unmet, since the third month', () => {
    const result = view([
      ...series(AARHUS.code, 'kontanthjaelp_mv', months('2024-10', 3, { cohort: 12, unmet: 3 })),
    ]);
    const aarhus = aarhusOf(result);
    expect(aarhus.raised).toBe(true);
    expect(aarhus.raisedSince).toBe('2024-12');
    expect(aarhus.alerts).toHaveLength(1);
    const [alert] = aarhus.alerts;
    expect(alert).toMatchObject({
      group: 'kontanthjaelp_mv',
      requirement: 'conversations',
      state: 'contact',
      stateLabel: 'Henvendelse',
      since: '2024-12',
      unmetSince: '2024-10',
      checkMonth: '2025-06',
      unmetMonthsInARow: 3,
    });
    expect(
      alert?.months.map((month) => [month.month, month.cohort, month.unmet, month.share]),
    ).toEqual([
      ['2024-10', 12, 3, 25],
      ['2024-11', 12, 3, 25],
      ['2024-12', 12, 3, 25],
    ]);
    expect(alert?.reason).toBe(
      'Henvendelse fra december 2024: samtalekravet er ikke opfyldt for over 20 % af mindst 10 borgere i kontanthjælp mv. i 3 sammenhængende måneder (oktober 2024: 25,0 % af 12; november 2024: 25,0 % af 12; december 2024: 25,0 % af 12). Opfølgning juni 2025.',
    );
    expect(result.rule).toMatchObject({
      unmetSharePercentAbove: 20,
      minimumCohort: 10,
      consecutiveMonths: 3,
      accountAfterMonths: 6,
    });
    expect(result.rule.citation).toMatch(/^STAR, orientering af 4\. maj 2021/);
    expect(result.rule.quote).toMatch(
      /i tre sammenhængende måneder har en andel på mere end 20 pct/,
    );
  });

  it('raises nothing at exactly 20 % or with fewer than 10 citizens, however long', () => {
    const result = view([
      ...series(AARHUS.code, 'kontanthjaelp_mv', months('2024-01', 12, { cohort: 10, unmet: 2 })),
      ...series(AARHUS.code, 'a_dagpenge', months('2024-01', 12, { cohort: 9, unmet: 9 })),
    ]);
    expect(aarhusOf(result)).toMatchObject({ raised: false, raisedSince: null, alerts: [] });
  });

  it('keeps the contact open until the check six months later, then ends it when the effort is restored', () => {
    // Unmet June–August 2024: contact August, check February 2025 (after the month shown).
    const open = view(
      series(AARHUS.code, 'kontanthjaelp_mv', months('2024-06', 3, { cohort: 10, unmet: 3 })),
    );
    expect(aarhusOf(open).alerts[0]).toMatchObject({
      state: 'contact',
      since: '2024-08',
      checkMonth: '2025-02',
      unmetMonthsInARow: 0,
    });
    // Unmet March–May 2024: contact May, check November, met then: restored.
    const restored = view(
      series(AARHUS.code, 'kontanthjaelp_mv', months('2024-03', 3, { cohort: 10, unmet: 3 })),
    );
    expect(aarhusOf(restored)).toMatchObject({ raised: false, alerts: [] });
  });

  it('requires an account when the check month is still unmet, for as long as every month since is', () => {
    // Unmet March–May 2024 (contact May), met June–October, unmet from the check in November on.
    const result = view(
      series(AARHUS.code, 'kontanthjaelp_mv', {
        ...months('2024-03', 3, { cohort: 15, unmet: 4 }),
        ...months('2024-11', 2, { cohort: 15, unmet: 4 }),
      }),
    );
    expect(aarhusOf(result).alerts[0]).toMatchObject({
      state: 'account',
      stateLabel: 'Redegørelse kræves',
      raised: true,
      since: '2024-11',
      unmetSince: '2024-03',
      checkMonth: '2024-11',
      unmetMonthsInARow: 2,
    });
    expect(aarhusOf(result).alerts[0]?.reason).toMatch(
      /^Redegørelse kræves fra november 2024: indsatsen var ikke genoprettet 6 måneder efter henvendelsen i maj 2024 \(november 2024: 26,7 % af 15\)/,
    );
  });

  it('shows a run too short for a contact as under observation, not raised', () => {
    const result = view(
      series(AARHUS.code, 'sygedagpenge_mv', months('2024-11', 2, { cohort: 11, unmet: 5 })),
    );
    expect(aarhusOf(result)).toMatchObject({ raised: false });
    expect(aarhusOf(result).alerts[0]).toMatchObject({
      state: 'watch',
      since: '2024-11',
      unmetMonthsInARow: 2,
      checkMonth: null,
    });
  });

  it('lists alerted municipalities first, only those the caller may see, and the AMK filter', () => {
    const figures = [
      ...series(AALBORG.code, 'kontanthjaelp_mv', {}),
      ...series(AARHUS.code, 'kontanthjaelp_mv', months('2024-10', 3, { cohort: 12, unmet: 3 })),
      ...series(ODENSE.code, 'kontanthjaelp_mv', months('2024-10', 3, { cohort: 12, unmet: 3 })),
    ];
    const region = view(figures, { visible: (code) => code !== ODENSE.code });
    expect(region.municipalities.map((row) => [row.name, row.raised])).toEqual([
      ['Aarhus', true],
      ['Aalborg', false],
    ]);
    expect(region.amks).toEqual(['AMK Midt-Nord']);
    const south = view(figures, { amk: 'AMK Syd' });
    expect(south.municipalities.map((row) => row.name)).toEqual(['Odense']);
    expect(south.amks).toEqual(['AMK Midt-Nord', 'AMK Syd']);
  });

  it('gives the latest AMK contact with each municipality', () => {
    const contact: AmkLatestContact = {
      amk: 'AMK Midt-Nord',
      firstContactDate: '2024-11-05',
      wantsAssistance: 'Ja',
      mappingDone: true,
      effort: 'Gennemgang af samtaleforløb',
    };
    const result = view(series(AARHUS.code, 'kontanthjaelp_mv', {}), {
      contacts: new Map([[AARHUS.code, contact]]),
    });
    expect(aarhusOf(result).latestContact).toEqual(contact);
  });

  it('says clearly that the alerts need person-level data when the figures are aggregated files', () => {
    const result = view(undefined);
    expect(result.available).toBe(false);
    expect(result.unavailableReason).toMatch(/kun opgøres fra persondata \(en indlæsning\)/);
    expect(result.municipalities.every((row) => !row.raised)).toBe(true);
  });

  it('does not follow dagpenge conversations before the follow-up began (March 2022)', () => {
    const result = amkAlertsView({
      rules: OFFICIAL_RULES,
      month: yearMonth('2022-04'),
      municipalities: [AARHUS],
      earlyEffort: monthRange(yearMonth('2021-10'), yearMonth('2022-04')).map((month) => ({
        municipality: AARHUS.code,
        month,
        group: 'a_dagpenge' as const,
        cohort: 30,
        conversationsUnmet: 30,
        offerUnmet: 0,
      })),
      contacts: new Map(),
      visible: () => true,
      amk: null,
      source: '',
    });
    // Unmet since October 2021, but only March and April 2022 are followed: under observation.
    expect(result.municipalities[0]?.alerts[0]).toMatchObject({
      state: 'watch',
      unmetSince: '2022-03',
      unmetMonthsInARow: 2,
    });
  });
});
