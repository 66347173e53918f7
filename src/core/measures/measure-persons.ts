/**
 * The single pass over persons: for each person, build the timeline once and
 * add everything the person contributes — focus measures (§§ 3–6), benefit
 * days (§ 7), early effort (§ 8) and benchmark measures (§ 9) — into the
 * accumulators. Persons are independent, so any range of persons can be
 * measured separately (a worker thread) and the accumulators merged.
 */
import { addBenchmarkMonth, addSpellBenchmarks } from './benchmark-measures.js';
import { addBenefitDays } from './benefit-rate.js';
import { addEarlyEffort, createEarlyEffortVerdict } from './early-effort.js';
import { createFocusEvaluation, evaluateFocusMonth } from './focus-evaluation.js';
import type { LoadColumns } from './load-columns.js';
import { monthOffsetOfDay, municipalityIndexOf, type MeasureContext } from './measure-context.js';
import { addToFocusMeasures, type MeasureAccumulators } from './monthly-aggregation.js';
import { buildPersonTimeline } from './build-person-timeline.js';
import { PersonTimeline } from './person-timeline.js';

/** Time spent per phase, when a clock is given (benchmarks): milliseconds. */
export interface PhaseTimes {
  /** Spells, dead days, countable segments and event prefixes (the person timeline). */
  spells: number;
  /** Each month: target group, window, conversations, offers, hours, and adding to the counts. */
  windows: number;
  /** Per spell: early effort and the benchmark measures of ended and started spells. */
  spellMeasures: number;
}

/**
 * Measures the persons `fromPerson` … `toPerson − 1` into `accumulators`.
 * With `clock` (a millisecond clock from the shell; the core has none), the
 * time of each phase is added to `times`.
 */
export function measurePersons(
  columns: LoadColumns,
  context: MeasureContext,
  fromPerson: number,
  toPerson: number,
  accumulators: MeasureAccumulators,
  clock?: () => number,
  times?: PhaseTimes,
): void {
  const timeline = new PersonTimeline();
  const evaluation = createFocusEvaluation();
  const early = createEarlyEffortVerdict();
  const periods = columns.periods;
  const monthCount = context.monthCount;
  const referenceDay = context.referenceDay;
  for (let person = fromPerson; person < toPerson; person += 1) {
    const firstPeriod = periods.offsets[person] ?? 0;
    const endPeriod = periods.offsets[person + 1] ?? 0;
    if (endPeriod === firstPeriod) continue;
    const started = clock?.() ?? 0;
    buildPersonTimeline(columns, person, context, timeline);
    const built = clock?.() ?? 0;
    for (let row = firstPeriod; row < endPeriod; row += 1) {
      const from = periods.from[row] ?? 0;
      const to = periods.to[row] ?? 0;
      const municipality = municipalityIndexOf(context, periods.municipality[row] ?? 0);
      const benefit = periods.benefit[row] ?? 0;
      addBenefitDays(accumulators, context, municipality, from, to);
      // The months whose R the period covers: R is the month's last day, so
      // the first is the month of `from`.
      let month = Math.max(0, monthOffsetOfDay(context, from));
      for (; month < monthCount && (referenceDay[month] ?? 0) <= to; month += 1) {
        const member = evaluateFocusMonth(
          columns,
          timeline,
          context,
          row - firstPeriod,
          month,
          evaluation,
        );
        if (member)
          addToFocusMeasures(
            accumulators,
            municipality,
            month,
            benefit,
            evaluation.passiveForOffers,
            evaluation.passiveForConversations,
          );
        addBenchmarkMonth(
          columns,
          timeline,
          context,
          accumulators,
          municipality,
          month,
          benefit,
          evaluation,
          member,
        );
      }
    }
    const evaluated = clock?.() ?? 0;
    addEarlyEffort(columns, timeline, context, accumulators, early);
    addSpellBenchmarks(columns, timeline, context, accumulators);
    if (clock !== undefined && times !== undefined) {
      const finished = clock();
      times.spells += built - started;
      times.windows += evaluated - built;
      times.spellMeasures += finished - evaluated;
    }
  }
}
