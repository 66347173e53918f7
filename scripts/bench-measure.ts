/**
 * Benchmark of the measurement engine: all monthly focus measures (and the
 * other measures) 2020-01 … 2025-12 for all municipalities, groups and types,
 * from a stored load. Prints wall time, the time of each phase, peak memory
 * and events per second.
 *
 *   npm run bench:measure -- [LOAD_FOLDER] [--workers N] [--from YYYY-MM] [--to YYYY-MM] [--untimed]
 *
 * Without LOAD_FOLDER the script generates the synthetic national data set
 * at --scale (default 1.0) and --seed (default 1) under bench-data/ and loads
 * it into bench-data/data, once: later runs reuse both. Generation and
 * loading are not part of the figures. Phase times are CPU time summed
 * over the worker threads, measured with a per-person clock (which costs a
 * little: `--untimed` leaves it out and prints the wall times only).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { yearMonth } from '../src/core/calendar/year-month.js';
import { runMeasures } from '../src/measuring/run-measures.js';
import { writeMeasures } from '../src/measuring/write-measures.js';
import { prepareSyntheticLoad } from '../src/pipeline/synthetic-load.js';
import { OFFICIAL_RULES } from '../src/core/rules/official-rules.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    untimed: { type: 'boolean' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
  },
});
const folder = positionals[0] === undefined ? await syntheticLoadFolder() : resolve(positionals[0]);
if (!existsSync(join(folder, 'manifest.json'))) {
  process.stderr.write(
    `No load folder at ${folder}.\nGive a load folder (manifest.json + Parquet files): npm run bench:measure -- FOLDER\n`,
  );
  process.exit(2);
}

/** The synthetic data set of --scale/--seed, generated and loaded under bench-data/ once. */
async function syntheticLoadFolder(): Promise<string> {
  const { load, generated, loaded } = await prepareSyntheticLoad({
    folder: resolve('bench-data'),
    dataDirectory: resolve('bench-data', 'data'),
    scale: Number(values.scale),
    seed: Number(values.seed),
    now: new Date(),
    createdBy: 'bench',
    progress: (step) => {
      if (step === 'generate') process.stdout.write('generating the synthetic data set …\n');
      if (step === 'load') process.stdout.write('loading it …\n');
    },
  });
  process.stdout.write(
    `${generated ? 'generated' : 'reused'} and ${loaded ? 'loaded' : 'reused'} load ${load.id}\n`,
  );
  return load.folder;
}
const workers = values.workers === undefined ? undefined : Number(values.workers);
const from = yearMonth(values.from ?? '2020-01');
const to = yearMonth(values.to ?? '2025-12');

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2).padStart(7)} s`;
const started = performance.now();
const timed = values.untimed !== true;
const run = await runMeasures({ folder, from, to, workers, timed, rules: OFFICIAL_RULES });
const measured = performance.now();
const out = await mkdtemp(join(tmpdir(), 'tilsyn-bench-'));
await writeMeasures(out, run, { loadId: 'bench', loadFolder: folder });
const finished = performance.now();
await rm(out, { recursive: true, force: true });

const wall = finished - started;
const phases = run.timings.phases;
const cpu = phases.spells + phases.windows + phases.spellMeasures;
const share = (value: number) =>
  cpu === 0 ? '' : ` (${((100 * value) / cpu).toFixed(0)} % of the pass)`;
const peakGiB = process.resourceUsage().maxRSS / 1024 / 1024;
process.stdout.write(
  [
    `tilsyn measure benchmark — ${folder}`,
    `  months ${from} … ${to}, ${run.context.municipalities.length} municipalities, ${run.context.scopes.length} scopes, ${run.workers} worker(s)`,
    `  persons ${run.personCount.toLocaleString('en')}, event rows ${run.events.toLocaleString('en')}`,
    `  ${Object.entries(run.rows)
      .map(([name, rows]) => `${name} ${rows.toLocaleString('en')}`)
      .join(', ')}`,
    '',
    `  reading (DuckDB → typed columns)   ${seconds(run.timings.readMilliseconds)}`,
    `  measuring (wall, all workers)      ${seconds(run.timings.measureMilliseconds)}`,
    ...(timed
      ? [
          `    spells, dead days, prefixes      ${seconds(phases.spells)} cpu${share(phases.spells)}`,
          `    windows: target group, passive   ${seconds(phases.windows)} cpu${share(phases.windows)}`,
          `    spell measures: early, benchmark ${seconds(phases.spellMeasures)} cpu${share(phases.spellMeasures)}`,
        ]
      : []),
    `  aggregation: merging workers       ${seconds(run.timings.mergeMilliseconds)}`,
    `  writing the files                  ${seconds(finished - measured)}`,
    `  total wall time                    ${seconds(wall)}`,
    `  peak RSS                           ${peakGiB.toFixed(2).padStart(7)} GiB`,
    `  events per second                  ${Math.round(run.events / (wall / 1000))
      .toLocaleString('en')
      .padStart(12)}`,
    '',
  ].join('\n'),
);
