/**
 * What the single pass over persons works with for one person: the load's
 * columns, the person's timeline, the run's context and the accumulators
 * the person's counts are added into.
 */
import type { LoadColumns } from './load-columns.js';
import type { MeasureContext } from './measure-context.js';
import type { MeasureAccumulators } from './monthly-aggregation.js';
import type { PersonTimeline } from './person-timeline.js';

export interface MeasurePass {
  readonly columns: LoadColumns;
  readonly timeline: PersonTimeline;
  readonly context: MeasureContext;
  readonly accumulators: MeasureAccumulators;
}
