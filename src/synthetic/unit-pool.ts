/**
 * Runs the units of a generation on worker threads (or in this thread when
 * one worker is asked for). Units are independent and write their own part
 * files, so the result does not depend on the number of workers or on which
 * worker ran which unit.
 *
 * The worker runs the compiled `generate-worker.js`; when the generator runs
 * from TypeScript sources (tests, `tsx` scripts) it loads the `.ts` worker
 * through tsx instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GenerationSettings, Geography } from './generation-settings.js';
import { generateUnit, type UnitPlan, type UnitResult } from './municipality-generator.js';

export interface UnitJob {
  readonly settings: GenerationSettings;
  readonly plan: UnitPlan;
  readonly geography: Geography;
  readonly partsDirectory: string;
}

/** Messages from a worker. */
export type WorkerReply =
  | { readonly kind: 'done'; readonly result: UnitResult }
  | { readonly kind: 'failed'; readonly message: string };

/** Runs every job and returns the results in job order. */
export async function runUnits(
  jobs: readonly UnitJob[],
  workers: number,
  onUnitDone: (result: UnitResult) => void = () => undefined,
): Promise<UnitResult[]> {
  if (workers <= 1 || jobs.length <= 1) {
    return jobs.map((job) => {
      const result = generateUnit(job.settings, job.plan, job.geography, job.partsDirectory);
      onUnitDone(result);
      return result;
    });
  }
  const results = new Array<UnitResult | undefined>(jobs.length);
  // Largest units first, so that no worker is left with a big one at the end.
  const order = jobs
    .map((job, index) => ({ index, size: job.plan.entrants }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map((entry) => entry.index);
  let next = 0;
  let failed = false;
  const started: Worker[] = [];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker();
      started.push(worker);
      const fail = (error: Error) => {
        // Stop every worker at the first failure: nothing more is written.
        failed = true;
        for (const other of started) void other.terminate();
        reject(error);
      };
      const send = () => {
        if (failed || next >= jobs.length) {
          void worker.terminate().then(() => {
            resolve();
          });
          return;
        }
        const index = order[next] ?? 0;
        next += 1;
        worker.once('message', (reply: WorkerReply) => {
          if (reply.kind === 'failed') {
            fail(new Error(reply.message));
            return;
          }
          results[index] = reply.result;
          onUnitDone(reply.result);
          send();
        });
        worker.postMessage(jobs[index]);
      };
      worker.once('error', fail);
      send();
    });
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, runWorker));
  return results.map((result, index) => {
    if (!result) throw new Error(`unit ${jobs[index]?.plan.code ?? index} produced no result`);
    return result;
  });
}

function startWorker(): Worker {
  const compiled = new URL('./generate-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled);
  const source = new URL('./generate-worker.ts', import.meta.url);
  // The ESM entry of tsx's API, found from the project's node_modules.
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
