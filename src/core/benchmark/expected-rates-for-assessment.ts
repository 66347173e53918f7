/**
 * Which expected rates the annual assessment of a year uses: imported
 * official figures when there are any, the project's own benchmark model
 * otherwise (measures.md § 7). The answer says which.
 *
 * The choice is all or nothing: when official figures are given, they must
 * hold the assessment's period — the calendar year (annual-assessment-period.ts,
 * § 2) — or the assessment is refused with the periods they do hold. It does
 * not quietly fall back to the model, nor mix sources between municipalities:
 * a decision must rest on one stated basis.
 */
import { DomainError } from '../domain-error.js';
import { annualAssessmentPeriod } from './annual-assessment-period.js';
import {
  comparePeriods,
  danishPeriodName,
  periodLabel,
  samePeriod,
  type BenchmarkPeriod,
} from './benchmark-period.js';
import type { ExpectedRate } from './expected-rates.js';

export interface AssessmentExpectedRates {
  readonly year: number;
  readonly period: BenchmarkPeriod;
  readonly source: 'official' | 'model';
  /** In municipality order. */
  readonly rates: readonly ExpectedRate[];
}

/**
 * The expected rates of the annual assessment of `year`: those of its
 * calendar year (annual-assessment-period.ts).
 *
 * @param official every imported official figure (all periods), or undefined when none were imported
 * @param model the model's expected rates, or undefined when no model was fitted
 */
export function expectedRatesForAssessment(
  year: number,
  official: readonly ExpectedRate[] | undefined,
  model: readonly ExpectedRate[] | undefined,
): AssessmentExpectedRates {
  const chosen = expectedRatesForPeriod(annualAssessmentPeriod(year), official, model, {
    year,
  });
  return { year, ...chosen };
}

/**
 * The expected rates of any period (a half-year, for monitoring), chosen the
 * same way: official figures of exactly that period when official figures
 * are given, else the model's.
 */
export function expectedRatesForPeriod(
  period: BenchmarkPeriod,
  official: readonly ExpectedRate[] | undefined,
  model: readonly ExpectedRate[] | undefined,
  assessment?: { readonly year: number },
): Omit<AssessmentExpectedRates, 'year'> {
  const name = assessment
    ? `kalenderåret ${assessment.year} (1. kvartal ${assessment.year} - 4. kvartal ${assessment.year}), som den årlige opgørelse bruger (§ 2)`
    : danishPeriodName(period);
  if (official !== undefined) {
    const rates = official.filter((rate) => samePeriod(rate.period, period));
    if (rates.length === 0) {
      throw new DomainError(
        'official_period_missing',
        `de officielle tal dækker ikke ${name}; de dækker: ${describePeriods(official)}`,
      );
    }
    return { period, source: 'official', rates: sortByCode(rates) };
  }
  if (model !== undefined) {
    const rates = model.filter((rate) => samePeriod(rate.period, period));
    if (rates.length === 0) {
      throw new DomainError(
        'model_period_missing',
        `benchmarkmodellen er ikke estimeret for ${name}; den dækker: ${describePeriods(model)}`,
      );
    }
    return { period, source: 'model', rates: sortByCode(rates) };
  }
  throw new DomainError(
    'no_expected_rates',
    `der er hverken officielle tal eller en benchmarkmodel for ${danishPeriodName(period)}`,
  );
}

function describePeriods(rates: readonly ExpectedRate[]): string {
  const periods = new Map<string, BenchmarkPeriod>();
  for (const rate of rates) periods.set(periodLabel(rate.period), rate.period);
  const sorted = [...periods.values()].sort(comparePeriods);
  return sorted.length === 0 ? 'ingen perioder' : sorted.map(danishPeriodName).join(', ');
}

function sortByCode(rates: readonly ExpectedRate[]): ExpectedRate[] {
  return [...rates].sort((a, b) => a.municipality - b.municipality);
}
