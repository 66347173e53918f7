/**
 * Times the web application's reform simulation (the view behind
 * `POST /api/web/simulation`) and prints the figures (no assertions: speed
 * is reported, not tested).
 *
 *   npx tsx scripts/bench-simulation.ts [SCALE]      (default scale 0.05)
 *
 * Over the example aggregates: the rules listing, then a simulation of the
 * assessments 2021–2024 with the offers threshold at 20 %. Over a synthetic
 * load of SCALE (generated into a temporary folder, as the demo generates
 * its data): the same simulation, which measures the load once for both
 * sides (and not at all the second time: the official measurement is kept),
 * and one with a measurement rule changed (ordinary work hours 150), which
 * measures the load again under the simulated rules. The temporary folder is removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebDataSource } from '../src/cases/views/web-data.js';
import {
  webReformSimulation,
  webSimulationRules,
  type WebSimulationResult,
} from '../src/cases/views/web-simulation.js';
import { yearMonth } from '../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../src/core/rules/official-rules.js';
import { prepareSyntheticLoad } from '../src/pipeline/synthetic-load.js';

async function timed<T>(label: string, action: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await action();
  const milliseconds = performance.now() - start;
  console.log(`${label.padEnd(64)} ${milliseconds.toFixed(0).padStart(7)} ms`);
  return result;
}

const summary = (result: WebSimulationResult) =>
  `  ${String(result.changedDecisions)} changed decisions; ${result.years
    .map((year) => `${String(year.year)}: ${String(year.changedDecisions)}`)
    .join(', ')}`;

async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? '0.05');
  const files = new WebDataSource({
    figures: {
      kind: 'files',
      focus: 'examples/aggregates/focus_measures.csv',
      rates: 'examples/aggregates/expected_rates.csv',
    },
    month: yearMonth('2024-12'),
    rules: OFFICIAL_RULES,
  });
  const request = {
    fromYear: 2021,
    toYear: 2024,
    overrides: [{ id: 'focus.offers.threshold', value: '20' }],
  };
  await timed('files: rules listing', () => webSimulationRules(files));
  for (let run = 1; run <= 3; run += 1)
    console.log(
      summary(
        await timed(`files: simulation 2021–2024, offers threshold 20 (run ${String(run)})`, () =>
          webReformSimulation(files, request),
        ),
      ),
    );

  const folder = await mkdtemp(join(tmpdir(), 'tilsyn-bench-simulation-'));
  try {
    const dataDirectory = join(folder, 'data');
    await timed(`load: generate and load a synthetic data set, scale ${String(scale)}`, () =>
      prepareSyntheticLoad({
        folder,
        dataDirectory,
        scale,
        seed: 1,
        now: new Date(),
        createdBy: 'bench-simulation',
      }),
    );
    const load = new WebDataSource({
      figures: { kind: 'load', dataDirectory },
      month: yearMonth('2024-12'),
      rules: OFFICIAL_RULES,
    });
    const rules = await timed('load: rules listing', () => webSimulationRules(load));
    console.log(
      `  ${String(rules.groups.reduce((sum, group) => sum + group.rules.length, 0))} adjustable rules`,
    );
    console.log(
      summary(
        await timed('load: simulation 2021–2024, offers threshold 20 (first)', () =>
          webReformSimulation(load, request),
        ),
      ),
    );
    console.log(
      summary(
        await timed('load: the same again (official measurement kept)', () =>
          webReformSimulation(load, request),
        ),
      ),
    );
    console.log(
      summary(
        await timed('load: simulation 2021–2024, ordinary work hours 150 (re-measured)', () =>
          webReformSimulation(load, {
            ...request,
            overrides: [{ id: 'focus.offers.ordinary_work_hours', value: '150' }],
          }),
        ),
      ),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
