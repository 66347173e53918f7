/**
 * Empty accumulators for a measurement run (monthly-aggregation.ts), sized by
 * the context: one cell per municipality, month and benefit type, with the
 * fields of the focus measures, the early effort and the benchmark measures.
 */
import { BENEFIT_TYPES } from '../domain/benefit-type.js';
import { FOCUS_GOALS } from '../domain/focus-goal.js';
import { benchmarkFieldCount } from './benchmark-measures.js';
import { EARLY_EFFORT_FIELDS } from './early-effort.js';
import type { MeasureContext } from './measure-context.js';
import type { MeasureAccumulators } from './monthly-aggregation.js';

export function createAccumulators(context: MeasureContext): MeasureAccumulators {
  const municipalityCount = context.municipalities.length;
  const monthCount = context.monthCount;
  const typeCount = BENEFIT_TYPES.length;
  const cells = municipalityCount * monthCount * typeCount;
  return {
    municipalityCount,
    monthCount,
    typeCount,
    focusTarget: new Int32Array(cells),
    focusPassive: new Int32Array(cells * FOCUS_GOALS.length),
    focusNoOffer: new Int32Array(cells),
    benefitDays: new Float64Array(municipalityCount * context.ratePeriods.length),
    earlyEffort: new Int32Array(cells * EARLY_EFFORT_FIELDS),
    benchmark: new Float64Array(cells * benchmarkFieldCount(context)),
  };
}
