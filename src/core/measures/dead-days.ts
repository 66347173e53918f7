/**
 * Dead days (M4) and exempt days (M6) of one person, as merged intervals.
 *
 * Dead days do not count as duration: exemptions with reason `standby`
 * (opfølgning uden kontakt) or `barsel`, and the COVID-19 dead period
 * 1 March – 30 June 2020. Vejledningen til bek. nr. 301 § 5: "Hvis personer i
 * kontaktforløbet er registreret med fritagelsesforholdet Opfølgning uden
 * kontakt (standby ordningen), tælles denne periode som en død periode […]
 * Barsel tælles også som død periode i opgørelserne."
 *
 * Exemptions with any other reason make exempt days. Overlapping exemptions
 * count a day once (the intervals are merged); a day that is both dead and
 * exempt is dead (the countable-day segments already leave dead days out).
 */
import type { ExemptionColumns } from './load-columns.js';
import type { MeasureContext } from './measure-context.js';
import type { PersonTimeline } from './person-timeline.js';
import { int32Capacity } from './typed-array-capacity.js';

/** Fills `timeline.dead*` and `timeline.exemption*` for `person`. */
export function collectDeadAndExemptIntervals(
  exemptions: ExemptionColumns,
  person: number,
  context: MeasureContext,
  timeline: PersonTimeline,
): void {
  const first = exemptions.offsets[person] ?? 0;
  const end = exemptions.offsets[person + 1] ?? 0;
  const rows = end - first;
  timeline.deadFrom = int32Capacity(timeline.deadFrom, rows + 1);
  timeline.deadTo = int32Capacity(timeline.deadTo, rows + 1);
  timeline.exemptionFrom = int32Capacity(timeline.exemptionFrom, rows);
  timeline.exemptionTo = int32Capacity(timeline.exemptionTo, rows);
  const deadFrom = timeline.deadFrom;
  const deadTo = timeline.deadTo;
  const exemptFrom = timeline.exemptionFrom;
  const exemptTo = timeline.exemptionTo;
  let deadCount = 0;
  let exemptCount = 0;
  deadFrom[deadCount] = context.covidDeadFrom;
  deadTo[deadCount] = context.covidDeadTo;
  deadCount += 1;
  for (let row = first; row < end; row += 1) {
    const from = exemptions.from[row] ?? 0;
    const to = exemptions.to[row] ?? 0;
    if (to < from) continue;
    if (((1 << (exemptions.reason[row] ?? 0)) & context.deadReasonMask) !== 0) {
      deadCount = insertInterval(deadFrom, deadTo, deadCount, from, to);
    } else {
      exemptCount = insertInterval(exemptFrom, exemptTo, exemptCount, from, to);
    }
  }
  timeline.deadCount = mergeIntervals(deadFrom, deadTo, deadCount);
  timeline.exemptionCount = mergeIntervals(exemptFrom, exemptTo, exemptCount);
}

/** Inserts [from, to] keeping the list sorted by start (insertion sort: input is nearly sorted). */
function insertInterval(
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  from: number,
  to: number,
): number {
  let index = count;
  while (index > 0 && (starts[index - 1] ?? 0) > from) {
    starts[index] = starts[index - 1] ?? 0;
    ends[index] = ends[index - 1] ?? 0;
    index -= 1;
  }
  starts[index] = from;
  ends[index] = to;
  return count + 1;
}

/** Merges overlapping or touching intervals of a sorted list in place; returns the new count. */
function mergeIntervals(starts: Int32Array, ends: Int32Array, count: number): number {
  if (count === 0) return 0;
  let write = 0;
  for (let read = 1; read < count; read += 1) {
    const start = starts[read] ?? 0;
    const end = ends[read] ?? 0;
    const currentEnd = ends[write] ?? 0;
    if (start <= currentEnd + 1) {
      if (end > currentEnd) ends[write] = end;
    } else {
      write += 1;
      starts[write] = start;
      ends[write] = end;
    }
  }
  return write + 1;
}

/** Days of [from, to] that fall in the merged intervals (for explanations). */
export function daysCoveredBy(
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  from: number,
  to: number,
): number {
  let days = 0;
  for (let index = 0; index < count; index += 1) {
    const start = Math.max(starts[index] ?? 0, from);
    const end = Math.min(ends[index] ?? 0, to);
    if (end >= start) days += end - start + 1;
  }
  return days;
}
