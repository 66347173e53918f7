/**
 * Expected and actual benefit rates of one municipality in one period: what
 * every source of expected rates produces (measures.md § 7), whether the
 * project's own benchmark model or an official figure imported from
 * Jobindsats (table Y30R21) or a plain `expected_rates` file. Every rate says
 * which source it came from.
 */
import type { MunicipalityCode } from '../domain/municipality.js';
import { comparePeriods, periodLabel, type BenchmarkPeriod } from './benchmark-period.js';
import { rankMunicipalities } from './rankings.js';

/** The files official figures are imported from. */
export type OfficialTable = 'Y30R21' | 'expected_rates';

export type ExpectedRateSource =
  | {
      readonly kind: 'model';
      /** The id of the fitted model ({@link BenchmarkModel.id}). */
      readonly modelId: string;
      /** The label of the period the model was fitted on. */
      readonly period: string;
    }
  | {
      readonly kind: 'official';
      /** The file the figures were read from, as the user named it. */
      readonly file: string;
      readonly table: OfficialTable;
      /** The label of the period, e.g. `2024` or `2020Q3-2021Q2`. */
      readonly period: string;
      /** What the file's own `source` column said, when it has one. */
      readonly declaredSource?: string;
    };

export interface ExpectedRate {
  readonly municipality: MunicipalityCode;
  readonly period: BenchmarkPeriod;
  /** Residents aged 16–66; unknown for figures imported without it. */
  readonly residents16To66: number | undefined;
  /** Expected full-time persons on covered benefits. */
  readonly expectedCount: number;
  /** Actual full-time persons on covered benefits. */
  readonly actualCount: number;
  /** Expected benefit rate, percent of residents 16–66. */
  readonly expectedShare: number;
  /** Actual benefit rate, percent of residents 16–66. */
  readonly actualShare: number;
  /** actual − expected, full-time persons. */
  readonly differenceCount: number;
  /** actual − expected, percentage points. Above 0: more on benefits than expected. */
  readonly differencePoints: number;
  /**
   * Place on the benchmark list, 1 = furthest below expected (best): by the
   * difference in percentage points, lowest first, ties sharing the rank.
   * Imported figures keep the rank the file gives when it gives one.
   */
  readonly rank: number;
  readonly source: ExpectedRateSource;
}

export type UnrankedExpectedRate = Omit<ExpectedRate, 'rank'>;

/**
 * Gives every rate of one period its place on the benchmark list: by the
 * difference in percentage points, lowest (most below expected) first,
 * competition ranking for ties (see rankings.ts). Returned in municipality
 * order.
 */
export function rankExpectedRates(rates: readonly UnrankedExpectedRate[]): ExpectedRate[] {
  const ranked = rankMunicipalities(
    rates.map((rate) => ({ municipality: rate.municipality, value: rate.differencePoints })),
    'lower-is-better',
  );
  const rankByMunicipality = new Map(ranked.map((entry) => [entry.municipality, entry.rank]));
  return rates
    .map((rate) => ({ ...rate, rank: rankByMunicipality.get(rate.municipality) ?? 0 }))
    .sort((a, b) => a.municipality - b.municipality);
}

/**
 * Short Danish description of a source, for reports: "benchmarkmodel
 * benchmark-2024-…" / "officielle tal (Jobindsats Y30R21, fil.csv, periode
 * 2024)". A file that `tilsyn benchmark --out` wrote declares the model it
 * came from; that is said too, so a model's figures are never called official.
 */
export function describeSource(source: ExpectedRateSource): string {
  if (source.kind === 'model') return `benchmarkmodel ${source.modelId}`;
  const declaredModel = /^model:(.+)$/.exec(source.declaredSource ?? '');
  if (declaredModel) return `benchmarkmodel ${declaredModel[1] ?? ''} (fra filen ${source.file})`;
  return `officielle tal (${source.table === 'Y30R21' ? 'Jobindsats Y30R21' : 'expected_rates'}, ${source.file}, periode ${source.period})`;
}

/** The source written in an `expected_rates` file's `source` column. */
export function sourceCode(source: ExpectedRateSource): string {
  return source.kind === 'model'
    ? `model:${source.modelId}`
    : `official:${source.table}:${source.period}:${source.file}`;
}

/** The rates for one period, in municipality order. */
export function ratesOfPeriod(
  rates: readonly ExpectedRate[],
  period: BenchmarkPeriod,
): ExpectedRate[] {
  const label = periodLabel(period);
  return rates
    .filter((rate) => periodLabel(rate.period) === label)
    .sort((a, b) => a.municipality - b.municipality);
}

/** An imported rate with the rank its source published, if any. */
export type PublishedExpectedRate = UnrankedExpectedRate & {
  readonly publishedRank: number | undefined;
};

/**
 * Ranks imported rates period by period: a period keeps its published ranks
 * when every rate of it has one, and is ranked by {@link rankExpectedRates}
 * otherwise. Returned by period, then municipality.
 */
export function rankByPeriod(rates: readonly PublishedExpectedRate[]): ExpectedRate[] {
  const byPeriod = new Map<string, PublishedExpectedRate[]>();
  for (const rate of rates) {
    const label = periodLabel(rate.period);
    byPeriod.set(label, [...(byPeriod.get(label) ?? []), rate]);
  }
  const result: ExpectedRate[] = [];
  for (const group of byPeriod.values()) {
    if (group.every((rate) => rate.publishedRank !== undefined)) {
      result.push(
        ...group.map(({ publishedRank, ...rate }) => ({ ...rate, rank: publishedRank ?? 0 })),
      );
    } else {
      result.push(...rankExpectedRates(group.map(({ publishedRank: _, ...rate }) => rate)));
    }
  }
  return sortExpectedRates(result);
}

/** By period (chronologically), then municipality code. */
export function sortExpectedRates(rates: readonly ExpectedRate[]): ExpectedRate[] {
  return [...rates].sort(
    (a, b) => comparePeriods(a.period, b.period) || a.municipality - b.municipality,
  );
}
