/**
 * Measures `tilsyn load`: wall time per phase, rows per second, peak memory,
 * stored size, and the time to look up one person in each stored file.
 *
 *   npm run bench:load -- [FOLDER] [--scale 1] [--seed 1] [--memory-limit 2GB] [--keep] [--trace]
 *
 * FOLDER holds the input files of data.md. Without it, the script uses the
 * synthetic data set of --scale/--seed under bench-data/ (generated on the
 * first run, reused after; the same as bench:measure). The load goes to a
 * temporary data directory, removed afterwards unless --keep is given.
 * Prints figures; asserts nothing.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDbSession } from '../src/loading/duckdb-session.js';
import { loadData, type LoadPhase } from '../src/loading/load-data.js';
import { ensureSyntheticData } from '../src/pipeline/synthetic-load.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'memory-limit': { type: 'string' },
    keep: { type: 'boolean' },
    trace: { type: 'boolean' },
  },
});

/** The folder given, or the synthetic data set of --scale/--seed in bench-data/ (generated once, then reused). */
async function inputFolder(): Promise<string> {
  const given = positionals[0];
  if (given !== undefined) return resolve(given);
  const { rawFolder, generated } = await ensureSyntheticData({
    folder: resolve('bench-data'),
    scale: Number(values.scale),
    seed: Number(values.seed),
    progress: (step) => {
      if (step === 'generate') console.log('generating the synthetic data set in bench-data/ …');
    },
  });
  console.log(`${generated ? 'generated' : 'reusing'} ${rawFolder}`);
  return rawFolder;
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const scratch = await mkdtemp(join(tmpdir(), 'tilsyn-bench-load-'));
try {
  const source = await inputFolder();
  const inputBytes = await folderBytes(source);
  const phases: { phase: LoadPhase | 'total'; ms: number }[] = [];
  let phaseStart = performance.now();
  let current: LoadPhase | undefined;
  const started = performance.now();
  const startCpu = process.cpuUsage();
  let lastCpu = startCpu;
  const result = await loadData({
    source,
    dataDirectory: join(scratch, 'data'),
    acceptValidRows: true,
    now: new Date(),
    createdBy: 'bench',
    ...(values['memory-limit'] === undefined ? {} : { memoryLimit: values['memory-limit'] }),
    ...(values.trace === true
      ? {
          trace: (sql: string, ms: number) => {
            const cpu = process.cpuUsage(lastCpu);
            lastCpu = process.cpuUsage();
            if (ms > 200)
              console.log(
                `  ${seconds(ms)} wall ${seconds((cpu.user + cpu.system) / 1000)} cpu  ${sql.replace(/\s+/g, ' ').slice(0, 120)}`,
              );
          },
        }
      : {}),
    onPhase: (phase) => {
      const now = performance.now();
      if (current !== undefined) phases.push({ phase: current, ms: now - phaseStart });
      current = phase;
      phaseStart = now;
    },
  });
  const ended = performance.now();
  if (current !== undefined) phases.push({ phase: current, ms: ended - phaseStart });
  phases.push({ phase: 'total', ms: ended - started });
  if (result.status !== 'loaded') throw new Error('the load was refused');

  const rows = result.manifest.files.reduce((sum, file) => sum + file.rowsRead, 0);
  console.log(`\ninput: ${source} (${megabytes(inputBytes)})`);
  for (const file of result.manifest.files)
    console.log(`  ${file.file.padEnd(28)} ${String(file.rowsRead).padStart(12)} rows`);
  const cpu = process.cpuUsage(startCpu);
  console.log(`\ncpu time: ${seconds((cpu.user + cpu.system) / 1000)} (2 cores: wall ≥ cpu / 2)`);
  console.log('\nwall time per phase:');
  for (const { phase, ms } of phases)
    console.log(`  ${phase.padEnd(10)} ${seconds(ms).padStart(9)}`);
  const total = (ended - started) / 1000;
  console.log(`\nrows: ${rows}, ${Math.round(rows / total).toLocaleString('en')} rows/s`);
  console.log(`peak RSS: ${megabytes(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`stored: ${megabytes(await folderBytes(result.folder))} in ${result.folder}`);

  // One person's records: a query per stored person-level file, on a fresh engine.
  const session = await DuckDbSession.open({ memoryLimit: '1GB', threads: 1, tempDirectory: '' });
  const persons = result.manifest.persons;
  const keys = [0, Math.floor(persons / 3), Math.floor(persons / 2), persons - 1];
  console.log(`\nperson lookup (person_key = k; ms per query, for k = ${keys.join(', ')}):`);
  for (const name of ['benefit_periods', 'conversations', 'offers', 'work_hours', 'exemptions']) {
    const file = join(result.folder, `${name}.parquet`);
    const [groups] = await session.rows(
      `SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata('${file}')`,
    );
    const times: string[] = [];
    for (const key of keys) {
      const start = performance.now();
      const found = await session.rows(`SELECT * FROM '${file}' WHERE person_key = ${key}`);
      times.push(`${(performance.now() - start).toFixed(1)} (${found.length} rows)`);
    }
    console.log(
      `  ${name.padEnd(16)} ${String(groups?.['n']).padStart(5)} row groups: ${times.join(', ')}`,
    );
  }
  session.close();
} finally {
  if (values.keep === true) console.log(`\nkept ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}
