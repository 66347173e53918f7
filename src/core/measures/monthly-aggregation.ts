/**
 * Monthly counts per municipality, month and scope (measures.md § 6): the
 * flat accumulators the pass over persons adds into, and merging partial
 * accumulators (from worker threads). Every cell is an integer count, so the
 * sums are exact and identical whatever the order or the number of workers.
 *
 * The pass counts per benefit type only; a group's figure and the
 * municipality's figure ("all") are the sums over their types, taken when
 * the counts are read (`sumOverScope`) — one addition per person and month
 * instead of three. `createAccumulators` (create-accumulators.ts) sizes them.
 */
import { FOCUS_GOALS } from '../domain/focus-goal.js';
import type { MeasureContext } from './measure-context.js';

/** Goal indices in the accumulators (the order of `FOCUS_GOALS`). */
export const OFFERS_GOAL = FOCUS_GOALS.indexOf('offers');
export const CONVERSATIONS_GOAL = FOCUS_GOALS.indexOf('conversations');

export interface MeasureAccumulators {
  readonly municipalityCount: number;
  readonly monthCount: number;
  readonly typeCount: number;
  /** Persons in the target group: [municipality][month][benefit type]. */
  readonly focusTarget: Int32Array;
  /** Of those, passive: [municipality][month][benefit type][goal]. */
  readonly focusPassive: Int32Array;
  /** Benefit days: [municipality][rate period]. */
  readonly benefitDays: Float64Array;
  /** Early effort: [municipality][month][benefit type][field]. */
  readonly earlyEffort: Int32Array;
  /** Benchmark measures: [municipality][month][benefit type][field]. */
  readonly benchmark: Float64Array;
}

/** The cell of (municipality index, month offset, benefit type index). */
export function typeCellOf(
  accumulators: MeasureAccumulators,
  municipality: number,
  monthOffset: number,
  benefit: number,
): number {
  return (municipality * accumulators.monthCount + monthOffset) * accumulators.typeCount + benefit;
}

/**
 * The count of `field` (of `fields` per cell) for a municipality, month and
 * scope: the sum over the scope's benefit types.
 */
export function sumOverScope(
  values: Int32Array | Float64Array,
  fields: number,
  field: number,
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  municipality: number,
  monthOffset: number,
  scope: number,
): number {
  const types = context.typesOfScope[scope];
  if (types === undefined) throw new RangeError(`No scope with index ${scope}`);
  const base = (municipality * accumulators.monthCount + monthOffset) * accumulators.typeCount;
  let sum = 0;
  for (const type of types) sum += values[(base + type) * fields + field] ?? 0;
  return sum;
}

/** Persons in the target group of a municipality, month and scope. */
export function focusTargetOf(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  municipality: number,
  monthOffset: number,
  scope: number,
): number {
  return sumOverScope(
    accumulators.focusTarget,
    1,
    0,
    accumulators,
    context,
    municipality,
    monthOffset,
    scope,
  );
}

/** Of those, passive for `goal` (index in `FOCUS_GOALS`). */
export function focusPassiveOf(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  municipality: number,
  monthOffset: number,
  scope: number,
  goal: number,
): number {
  return sumOverScope(
    accumulators.focusPassive,
    FOCUS_GOALS.length,
    goal,
    accumulators,
    context,
    municipality,
    monthOffset,
    scope,
  );
}

/** Adds `from` into `into` (same context). */
export function mergeAccumulators(into: MeasureAccumulators, from: MeasureAccumulators): void {
  addInto(into.focusTarget, from.focusTarget);
  addInto(into.focusPassive, from.focusPassive);
  addInto(into.benefitDays, from.benefitDays);
  addInto(into.earlyEffort, from.earlyEffort);
  addInto(into.benchmark, from.benchmark);
}

function addInto<T extends Int32Array | Float64Array>(into: T, from: T): void {
  if (into.length !== from.length)
    throw new Error('Accumulators of different shapes cannot be merged');
  for (let index = 0; index < into.length; index += 1)
    into[index] = (into[index] ?? 0) + (from[index] ?? 0);
}

/** Counts a person of `benefit` in the target group of `municipality` at month `monthOffset`. */
export function addToFocusMeasures(
  accumulators: MeasureAccumulators,
  municipality: number,
  monthOffset: number,
  benefit: number,
  passiveForOffers: boolean,
  passiveForConversations: boolean,
): void {
  const cell = typeCellOf(accumulators, municipality, monthOffset, benefit);
  accumulators.focusTarget[cell] = (accumulators.focusTarget[cell] ?? 0) + 1;
  const goals = cell * 2;
  if (passiveForOffers)
    accumulators.focusPassive[goals + OFFERS_GOAL] =
      (accumulators.focusPassive[goals + OFFERS_GOAL] ?? 0) + 1;
  if (passiveForConversations)
    accumulators.focusPassive[goals + CONVERSATIONS_GOAL] =
      (accumulators.focusPassive[goals + CONVERSATIONS_GOAL] ?? 0) + 1;
}

/** The passive share in percent; undefined when the target group is empty (§ 6). */
export function passiveShare(passive: number, target: number): number | undefined {
  return target === 0 ? undefined : (passive / target) * 100;
}
