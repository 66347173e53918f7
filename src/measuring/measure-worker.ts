/**
 * A worker thread that measures one range of persons. The columns arrive in
 * SharedArrayBuffers (no copy); the accumulators go back by message and are
 * merged by the caller. Counts are integers, so the merged
 * figures are identical whatever the number of workers.
 *
 * The worker receives the measure context built by the caller from its rule
 * book (plain data, copied by the message): the official rules or a
 * simulation's overrides reach every worker without being rebuilt there.
 */
import { parentPort } from 'node:worker_threads';
import type { LoadColumns } from '../core/measures/load-columns.js';
import type { MeasureContext } from '../core/measures/measure-context.js';
import { measurePersons, type PhaseTimes } from '../core/measures/measure-persons.js';
import { createAccumulators } from '../core/measures/create-accumulators.js';

export interface WorkerTask {
  readonly columns: LoadColumns;
  readonly context: MeasureContext;
  readonly fromPerson: number;
  readonly toPerson: number;
  readonly timed: boolean;
}

export interface WorkerResult {
  readonly focusTarget: Int32Array;
  readonly focusPassive: Int32Array;
  readonly focusNoOffer: Int32Array;
  readonly benefitDays: Float64Array;
  readonly earlyEffort: Int32Array;
  readonly benchmark: Float64Array;
  readonly times: PhaseTimes;
}

parentPort?.on('message', (task: WorkerTask) => {
  const context = task.context;
  const accumulators = createAccumulators(context);
  const times: PhaseTimes = { spells: 0, windows: 0, spellMeasures: 0 };
  measurePersons({
    columns: task.columns,
    context,
    fromPerson: task.fromPerson,
    toPerson: task.toPerson,
    accumulators,
    ...(task.timed ? { clock: () => performance.now() } : {}),
    times,
  });
  const result: WorkerResult = {
    focusTarget: accumulators.focusTarget,
    focusPassive: accumulators.focusPassive,
    focusNoOffer: accumulators.focusNoOffer,
    benefitDays: accumulators.benefitDays,
    earlyEffort: accumulators.earlyEffort,
    benchmark: accumulators.benchmark,
    times,
  };
  // The counts are small (a few MB): copied, not transferred.
  parentPort?.postMessage(result);
});
