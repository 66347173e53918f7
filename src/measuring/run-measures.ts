/**
 * Runs the measurement engine on a stored load: read the columns, measure
 * every person (in this thread, or split over worker threads by ranges of
 * persons), merge the counts.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { YearMonth } from '../core/calendar/year-month.js';
import { eventRowCount, type LoadColumns } from '../core/measures/load-columns.js';
import { createMeasureContext, type MeasureContext } from '../core/measures/measure-context.js';
import { measurePersons, type PhaseTimes } from '../core/measures/measure-persons.js';
import { createAccumulators } from '../core/measures/create-accumulators.js';
import {
  mergeAccumulators,
  type MeasureAccumulators,
} from '../core/measures/monthly-aggregation.js';
import type { WorkerResult, WorkerTask } from './measure-worker.js';
import { openLoadReader } from './read-load-columns.js';

export interface MeasureRunOptions {
  readonly folder: string;
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** Worker threads (1: measure in this thread). Default: 2 or the cores available, if fewer. */
  readonly workers?: number;
  /** Time the phases of the pass (benchmarks; costs a little). */
  readonly timed?: boolean;
}

export interface MeasureTimings {
  readonly readMilliseconds: number;
  readonly measureMilliseconds: number;
  readonly mergeMilliseconds: number;
  /** Summed over workers (CPU time of each phase), when timed. */
  readonly phases: PhaseTimes;
}

export interface MeasureRunResult {
  readonly context: MeasureContext;
  readonly accumulators: MeasureAccumulators;
  readonly residents: ReadonlyMap<string, number>;
  readonly personCount: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly events: number;
  readonly workers: number;
  readonly timings: MeasureTimings;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export async function runMeasures(options: MeasureRunOptions): Promise<MeasureRunResult> {
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

  const context = createMeasureContext(options.from, options.to, municipalities);
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
          from: options.from,
          to: options.to,
          municipalities,
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
  return {
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
