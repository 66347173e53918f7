/**
 * Benchmark measures (measures.md § 9, M13; seed 001): "Varighedsmål: Den
 * gennemsnitlige varighed af ledighedsforløb", "Afgangsmål: Den
 * gennemsnitlige afgang (andel) fra ledighed til beskæftigelse efter fx 3
 * eller 6 måneder", "Passivmåling: Andel ledige, som har/ikke har modtaget en
 * aktiv indsats i løbet af de seneste fx 6 eller 12 måneder" and "brugen af
 * virksomhedsrettede tilbud".
 *
 * Per municipality, month and scope:
 * - duration: countable days of the spells that ended in the month (at the
 *   municipality and type of their last period);
 * - exit to work after h months: of the spells that started in month M − h
 *   (at the municipality and type of their first period), those that ended by
 *   the end of M and had at least 37 hours of ordinary work in the month
 *   after the end (M13);
 * - passive 6 / 12 months: of persons whose spell at R has at least 182 / 365
 *   countable days, those with no counted offer (M8) overlapping the spell's
 *   last 182 / 365 countable days (hours do not count, exemptions do not
 *   exclude);
 * - company-directed effort: of the focus target group, those with a
 *   counted virksomhedspraktik or løntilskud overlapping the window [W, R].
 *
 * All are counts; means and shares are computed when written. The ranking of
 * municipalities belongs to the benchmark model (src/core/benchmark).
 */
import { countableDaysUpTo, nthCountableDay } from './countable-days.js';
import type { FocusEvaluation } from './focus-evaluation.js';
import { ONGOING, type LoadColumns } from './load-columns.js';
import { monthIndexOfDay, municipalityIndexOf, type MeasureContext } from './measure-context.js';
import type { MeasurePass } from './measure-pass.js';
import {
  sumOverScope,
  typeCellOf,
  type MeasureAccumulators,
  type ScopeCell,
  type TypeCell,
} from './monthly-aggregation.js';
import {
  hasCompanyOfferInWindow,
  hasCountedOfferInWindow,
  workHoursInMonths,
} from './offer-counting.js';
import type { PersonTimeline } from './person-timeline.js';

export const DURATION_SUM = 0;
export const DURATION_COUNT = 1;

/** Fields per cell: duration (2), exit per horizon (2 each), passive per look-back (2 each), company (2). */
export function benchmarkFieldCount(context: MeasureContext): number {
  return context.benchmarkFields;
}

export function exitCohortField(horizon: number): number {
  return 2 + 2 * horizon;
}

export function exitToWorkField(horizon: number): number {
  return 3 + 2 * horizon;
}

export function passiveBaseField(context: MeasureContext, lookback: number): number {
  return 2 + 2 * context.benchmark.exitHorizonsMonths.length + 2 * lookback;
}

export function passiveField(context: MeasureContext, lookback: number): number {
  return passiveBaseField(context, lookback) + 1;
}

export function companyBaseField(context: MeasureContext): number {
  return passiveBaseField(context, context.benchmark.passiveLookbackDays.length);
}

export function companyField(context: MeasureContext): number {
  return companyBaseField(context) + 1;
}

/** Adds `value` to `field` of the cell of a municipality, month and benefit type. */
function addBenchmark(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  cell: TypeCell,
  field: number,
  value: number,
): void {
  const at =
    typeCellOf(accumulators, cell.municipality, cell.monthOffset, cell.benefit) *
      context.benchmarkFields +
    field;
  accumulators.benchmark[at] = (accumulators.benchmark[at] ?? 0) + value;
}

function increment(values: Float64Array, at: number): void {
  values[at] = (values[at] ?? 0) + 1;
}

/** A benchmark count of a municipality, month and scope. */
export function benchmarkOf(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  cell: ScopeCell,
  field: number,
): number {
  return sumOverScope(
    { values: accumulators.benchmark, fields: context.benchmarkFields, field },
    accumulators,
    context,
    cell,
  );
}

/** Duration and exit to work of every spell of the person. */
export function addSpellBenchmarks(
  columns: LoadColumns,
  timeline: PersonTimeline,
  context: MeasureContext,
  accumulators: MeasureAccumulators,
): void {
  const periods = columns.periods;
  const horizons = context.benchmark.exitHorizonsMonths;
  const minimumHours = Math.round(context.benchmark.exitMinimumWorkHours * context.hoursScale);
  for (let spell = 0; spell < timeline.spellCount; spell += 1) {
    const lastRow = timeline.periodFirst + (timeline.spellLastPeriod[spell] ?? 0);
    const firstRow = timeline.periodFirst + (timeline.spellFirstPeriod[spell] ?? 0);
    const end = periods.to[lastRow] ?? ONGOING;
    const ended = end !== ONGOING;
    const endMonth = ended ? monthIndexOfDay(context, end) : Number.MAX_SAFE_INTEGER;
    if (ended) {
      const offset = endMonth - context.firstMonthIndex;
      if (offset >= 0 && offset < context.monthCount) {
        const municipality = municipalityIndexOf(context, periods.municipality[lastRow] ?? 0);
        const benefit = periods.benefit[lastRow] ?? 0;
        const duration = countableDaysUpTo(timeline, spell, end);
        const cell = { municipality, monthOffset: offset, benefit };
        addBenchmark(accumulators, context, cell, DURATION_SUM, duration);
        addBenchmark(accumulators, context, cell, DURATION_COUNT, 1);
      }
    }
    const startMonth = monthIndexOfDay(context, timeline.spellStart[spell] ?? 0);
    const municipality = municipalityIndexOf(context, periods.municipality[firstRow] ?? 0);
    const benefit = periods.benefit[firstRow] ?? 0;
    for (let index = 0; index < horizons.length; index += 1) {
      const horizon = horizons[index] ?? 0;
      const offset = startMonth + horizon - context.firstMonthIndex;
      if (offset < 0 || offset >= context.monthCount) continue;
      const cell = { municipality, monthOffset: offset, benefit };
      addBenchmark(accumulators, context, cell, exitCohortField(index), 1);
      if (!ended || endMonth > startMonth + horizon) continue;
      const hours = workHoursInMonths(columns.workHours, timeline, endMonth + 1, endMonth + 1);
      if (hours >= minimumHours)
        addBenchmark(accumulators, context, cell, exitToWorkField(index), 1);
    }
  }
}

/** Passive 6/12 months and company-directed effort of a person covered at the R of the cell's month. */
export function addBenchmarkMonth(
  pass: MeasurePass,
  at: TypeCell,
  evaluation: FocusEvaluation,
  inTargetGroup: boolean,
): void {
  const { columns, timeline, context, accumulators } = pass;
  const { municipality, monthOffset, benefit } = at;
  const reference = context.referenceDay[monthOffset] ?? 0;
  const countable = evaluation.countableDays;
  const lookbacks = context.benchmark.passiveLookbackDays;
  const values = accumulators.benchmark;
  const cell =
    typeCellOf(accumulators, municipality, monthOffset, benefit) * context.benchmarkFields;
  // A person without counted offers (common) is passive for every look-back.
  const anyOffer = (timeline.countedOfferMaxTo[timeline.offerCount] ?? -1) >= 0;
  for (let index = 0; index < lookbacks.length; index += 1) {
    const days = lookbacks[index] ?? 0;
    if (countable < days) continue;
    increment(values, cell + passiveBaseField(context, index));
    // The focus window is the same look-back when its length matches: reuse its answer.
    const sameAsWindow = inTargetGroup && days === (context.windowDays[monthOffset] ?? 0);
    const offered = !anyOffer
      ? false
      : sameAsWindow
        ? evaluation.offerCounted
        : hasCountedOfferInWindow(
            columns.offers,
            timeline,
            nthCountableDay(timeline, evaluation.spell, countable - days + 1),
            reference,
          );
    if (!offered) increment(values, cell + passiveField(context, index));
  }
  if (!inTargetGroup) return;
  increment(values, cell + companyBaseField(context));
  if (
    anyOffer &&
    hasCompanyOfferInWindow(columns.offers, timeline, evaluation.windowStart, reference)
  )
    increment(values, cell + companyField(context));
}
