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
  /**
   * Of those, persons with no counted offer in the window, whatever their
   * hours: [municipality][month][benefit type]. The minimum requirement on
   * offers under administration (bek. nr. 301 § 12, stk. 1, nr. 1) has no
   * hours alternative; its conversations requirement counts as the goal.
   */
  readonly focusNoOffer: Int32Array;
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

/** A cell the pass over persons adds into: municipality and benefit type (indices in the context) and month offset. */
export interface TypeCell {
  readonly municipality: number;
  readonly monthOffset: number;
  readonly benefit: number;
}

/** A cell counts are read from: municipality and scope (indices in the context) and month offset. */
export interface ScopeCell {
  readonly municipality: number;
  readonly monthOffset: number;
  readonly scope: number;
}

/** One count of the accumulators: `field` of the `fields` per cell of `values`. */
export interface CountField {
  readonly values: Int32Array | Float64Array;
  readonly fields: number;
  readonly field: number;
}

/**
 * The count of `count` for a municipality, month and scope: the sum over the
 * scope's benefit types.
 */
export function sumOverScope(
  count: CountField,
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  cell: ScopeCell,
): number {
  const { values, fields, field } = count;
  const { municipality, monthOffset, scope } = cell;
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
  cell: ScopeCell,
): number {
  return sumOverScope(
    { values: accumulators.focusTarget, fields: 1, field: 0 },
    accumulators,
    context,
    cell,
  );
}

/** Of those, passive for `goal` (index in `FOCUS_GOALS`). */
export function focusPassiveOf(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  cell: ScopeCell,
  goal: number,
): number {
  return sumOverScope(
    { values: accumulators.focusPassive, fields: FOCUS_GOALS.length, field: goal },
    accumulators,
    context,
    cell,
  );
}

/** Of those, persons with no counted offer in the window (the minimum requirement on offers). */
export function focusNoOfferOf(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  cell: ScopeCell,
): number {
  return sumOverScope(
    { values: accumulators.focusNoOffer, fields: 1, field: 0 },
    accumulators,
    context,
    cell,
  );
}

/** Adds `from` into `into` (same context). */
export function mergeAccumulators(into: MeasureAccumulators, from: MeasureAccumulators): void {
  addInto(into.focusTarget, from.focusTarget);
  addInto(into.focusPassive, from.focusPassive);
  addInto(into.focusNoOffer, from.focusNoOffer);
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

/** What one person in the target group contributes to the counts of a month. */
export interface FocusVerdict {
  readonly passiveForOffers: boolean;
  readonly passiveForConversations: boolean;
  /** A counted offer overlaps the window (M8), hours aside. */
  readonly offerCounted: boolean;
}

/** Counts a person in the target group of the cell's municipality, month and benefit type. */
export function addToFocusMeasures(
  accumulators: MeasureAccumulators,
  at: TypeCell,
  verdict: FocusVerdict,
): void {
  const { passiveForOffers, passiveForConversations } = verdict;
  const cell = typeCellOf(accumulators, at.municipality, at.monthOffset, at.benefit);
  accumulators.focusTarget[cell] = (accumulators.focusTarget[cell] ?? 0) + 1;
  if (!verdict.offerCounted)
    accumulators.focusNoOffer[cell] = (accumulators.focusNoOffer[cell] ?? 0) + 1;
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
