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
import type { MeasurePass } from './measure-pass.js';
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

export interface MeasurePersonsRequest {
  readonly columns: LoadColumns;
  readonly context: MeasureContext;
  /** The first person to measure (index in the columns). */
  readonly fromPerson: number;
  /** The person after the last one to measure. */
  readonly toPerson: number;
  readonly accumulators: MeasureAccumulators;
  /** A millisecond clock from the shell (the core has none), to time the phases into `times`. */
  readonly clock?: () => number;
  readonly times?: PhaseTimes;
}

/**
 * Measures the persons `fromPerson` … `toPerson − 1` into `accumulators`.
 * With `clock`, the time of each phase is added to `times`.
 */
export function measurePersons(request: MeasurePersonsRequest): void {
  const { columns, context, fromPerson, toPerson, accumulators, clock, times } = request;
  const timeline = new PersonTimeline();
  const pass: MeasurePass = { columns, timeline, context, accumulators };
  // The cell of the current period and month, updated in place: the loop allocates nothing.
  const cell = { municipality: 0, monthOffset: 0, benefit: 0 };
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
      cell.municipality = municipality;
      cell.benefit = periods.benefit[row] ?? 0;
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
        cell.monthOffset = month;
        if (member) addToFocusMeasures(accumulators, cell, evaluation);
        addBenchmarkMonth(pass, cell, evaluation, member);
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
