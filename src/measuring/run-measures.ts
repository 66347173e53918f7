/**
 * Runs the measurement engine on a stored load: read the columns, measure
 * every person (in this thread, or split over worker threads by ranges of
 * persons), merge the counts.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { monthIndex, type YearMonth } from '../core/calendar/year-month.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { targetGroupAt, type TargetGroupMember } from '../core/measures/target-group-persons.js';
import { eventRowCount, type LoadColumns } from '../core/measures/load-columns.js';
import { createMeasureContext, type MeasureContext } from '../core/measures/measure-context.js';
import { measurePersons, type PhaseTimes } from '../core/measures/measure-persons.js';
import { createAccumulators } from '../core/measures/create-accumulators.js';
import {
  mergeAccumulators,
  type MeasureAccumulators,
} from '../core/measures/monthly-aggregation.js';
import type { WorkerResult, WorkerTask } from './measure-worker.js';
import type { RuleBook } from '../core/rules/rule-book.js';
import { openLoadReader } from './read-load-columns.js';

export interface MeasureRunOptions {
  readonly folder: string;
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** The rules to measure under: `OFFICIAL_RULES`, or a book with a simulation's overrides. */
  readonly rules: RuleBook;
  /** Worker threads (1: measure in this thread). Default: 2 or the cores available, if fewer. */
  readonly workers?: number;
  /** Time the phases of the pass (benchmarks; costs a little). */
  readonly timed?: boolean;
  /**
   * Also list the target group person by person at this month's R (a month
   * of the run), of one municipality or all: the passive-case review and the
   * persons of the § 8 sample.
   */
  readonly targetGroupAt?: {
    readonly month: YearMonth;
    readonly municipality?: MunicipalityCode;
  };
}

export interface MeasureTimings {
  readonly readMilliseconds: number;
  readonly measureMilliseconds: number;
  readonly mergeMilliseconds: number;
  /** Summed over workers (CPU time of each phase), when timed. */
  readonly phases: PhaseTimes;
}

export interface MeasureRunResult {
  /** The rules measured under (official, or with a simulation's overrides). */
  readonly rules: RuleBook;
  readonly context: MeasureContext;
  readonly accumulators: MeasureAccumulators;
  readonly residents: ReadonlyMap<string, number>;
  readonly personCount: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly events: number;
  readonly workers: number;
  readonly timings: MeasureTimings;
  /** The target group person by person, when `targetGroupAt` asked for it. */
  readonly targetGroup?: readonly TargetGroupMember[];
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export async function runMeasures(options: MeasureRunOptions): Promise<MeasureRunResult> {
  const listedMonth = options.targetGroupAt?.month;
  if (
    listedMonth !== undefined &&
    (monthIndex(listedMonth) < monthIndex(options.from) ||
      monthIndex(listedMonth) > monthIndex(options.to))
  )
    throw new RangeError(`The month ${listedMonth} is not among the months measured`);
  const workers = Math.max(1, Math.trunc(options.workers ?? defaultWorkers()));
  const readStarted = performance.now();
  const reader = await openLoadReader(options.folder);
  let municipalities: number[];
  let residents: Map<string, number>;
  let columns: LoadColumns;
  let rows: Record<string, number>;
  try {
    municipalities = await reader.municipalities();
    residents = await reader.residents();
    const read = await reader.columns({ shared: workers > 1 });
    columns = read.columns;
    rows = read.statistics.rows;
  } finally {
    reader.close();
  }
  const readMilliseconds = performance.now() - readStarted;

  const context = createMeasureContext(options.rules, options.from, options.to, municipalities);
  const accumulators = createAccumulators(context);
  const phases: PhaseTimes = { spells: 0, windows: 0, spellMeasures: 0 };
  const measureStarted = performance.now();
  let mergeMilliseconds = 0;
  if (workers === 1) {
    measurePersons({
      columns,
      context,
      fromPerson: 0,
      toPerson: columns.personCount,
      accumulators,
      ...(options.timed === true ? { clock: () => performance.now() } : {}),
      times: phases,
    });
  } else {
    const ranges = personRanges(columns, workers);
    const results = await Promise.all(
      ranges.map(([fromPerson, toPerson]) =>
        runWorker({
          columns,
          context,
          fromPerson,
          toPerson,
          timed: options.timed === true,
        }),
      ),
    );
    const mergeStarted = performance.now();
    for (const result of results) {
      mergeAccumulators(accumulators, { ...accumulators, ...result });
      phases.spells += result.times.spells;
      phases.windows += result.times.windows;
      phases.spellMeasures += result.times.spellMeasures;
    }
    mergeMilliseconds = performance.now() - mergeStarted;
  }
  const measureMilliseconds = performance.now() - measureStarted - mergeMilliseconds;
  const listed = options.targetGroupAt;
  const targetGroup =
    listed === undefined
      ? undefined
      : targetGroupAt({
          columns,
          context,
          monthOffset: monthIndex(listed.month) - context.firstMonthIndex,
          ...(listed.municipality === undefined ? {} : { municipality: listed.municipality }),
        });
  return {
    ...(targetGroup === undefined ? {} : { targetGroup }),
    rules: options.rules,
    context,
    accumulators,
    residents,
    personCount: columns.personCount,
    rows,
    events: eventRowCount(columns),
    workers,
    timings: { readMilliseconds, measureMilliseconds, mergeMilliseconds, phases },
  };
}

/** Splits the persons into `parts` contiguous ranges with about the same number of rows each. */
export function personRanges(columns: LoadColumns, parts: number): [number, number][] {
  const weight = (person: number) =>
    (columns.periods.offsets[person] ?? 0) +
    (columns.conversations.offsets[person] ?? 0) +
    (columns.offers.offsets[person] ?? 0) +
    (columns.workHours.offsets[person] ?? 0) +
    (columns.exemptions.offsets[person] ?? 0);
  const total = weight(columns.personCount);
  const ranges: [number, number][] = [];
  let start = 0;
  for (let part = 1; part <= parts; part += 1) {
    let end = columns.personCount;
    if (part < parts) {
      const goal = (total * part) / parts;
      let low = start;
      let high = columns.personCount;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (weight(middle) < goal) low = middle + 1;
        else high = middle;
      }
      end = low;
    }
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

function runWorker(task: WorkerTask): Promise<WorkerResult> {
  const worker = startWorker();
  return new Promise<WorkerResult>((resolvePromise, reject) => {
    worker.once('message', (result: WorkerResult) => {
      resolvePromise(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A measuring worker stopped with exit code ${code}`));
    });
    worker.postMessage(task);
  });
}

/**
 * Starts `measure-worker`: the compiled `.js` beside this file, or — when
 * running from the TypeScript sources (tests, `tsx` scripts) — the `.ts`
 * file through tsx's loader, registered inside the worker before the import.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./measure-worker.js', import.meta.url));
  // tsx's ESM API (the `import` flavour of `tsx/esm/api`); `tsImport` loads TypeScript in the worker.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const source = new URL('./measure-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`,
    { eval: true },
  );
}
