/**
 * The actual benefit rate (measures.md § 7): full-time persons on covered
 * benefits as a share of the residents aged 16–66.
 *
 * Bek. nr. 301 § 3, stk. 4: "Ved faktisk ydelsesgrad forstås i denne
 * bekendtgørelse den faktiske andel borgere i kommunen, der har modtaget
 * offentlige forsørgelsesydelser, jf. § 2, stk. 2, i løbet af året."
 *
 * Benefit days in period P are the days of P covered by benefit periods of a
 * covered type (every spell, any duration, dead days included: it counts
 * full-time persons, not durations), attributed to the period's municipality.
 * Full-time persons = benefit days / days in P; share = full-time persons /
 * residents 16–66 of the municipality for the year of P × 100.
 */
import type { DayNumber } from '../calendar/day-number.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { MeasureContext, RatePeriod } from './measure-context.js';
import type { MeasureAccumulators } from './monthly-aggregation.js';

/** Adds the days of [from, to] to each measured rate period they overlap. */
export function addBenefitDays(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  municipality: number,
  from: DayNumber,
  to: DayNumber,
): void {
  const periods = context.ratePeriods;
  const base = municipality * periods.length;
  for (let index = 0; index < periods.length; index += 1) {
    const period = periods[index];
    if (period === undefined) continue;
    // Rate periods are in order of their first day: none after this one can overlap.
    if (period.from > to) break;
    const days = Math.min(to, period.to) - Math.max(from, period.from) + 1;
    if (days > 0)
      accumulators.benefitDays[base + index] = (accumulators.benefitDays[base + index] ?? 0) + days;
  }
}

export interface BenefitRate {
  readonly municipality: MunicipalityCode;
  readonly period: RatePeriod;
  readonly benefitDays: number;
  readonly daysInPeriod: number;
  readonly fullTimePersons: number;
  /** Undefined when the framework conditions have no figure for the municipality and year. */
  readonly residents: number | undefined;
  readonly actualShare: number | undefined;
}

/** The actual benefit rate of every municipality and measured period. */
export function benefitRates(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  residentsOf: (municipality: MunicipalityCode, year: number) => number | undefined,
): BenefitRate[] {
  const rates: BenefitRate[] = [];
  const periods = context.ratePeriods;
  context.municipalities.forEach((municipality, index) => {
    periods.forEach((period, periodIndex) => {
      const benefitDays = accumulators.benefitDays[index * periods.length + periodIndex] ?? 0;
      const daysInPeriod = period.to - period.from + 1;
      const fullTimePersons = benefitDays / daysInPeriod;
      const residents = residentsOf(municipality, period.year);
      rates.push({
        municipality,
        period,
        benefitDays,
        daysInPeriod,
        fullTimePersons,
        residents,
        actualShare:
          residents === undefined || residents <= 0
            ? undefined
            : (fullTimePersons / residents) * 100,
      });
    });
  });
  return rates;
}
