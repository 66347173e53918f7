/**
 * Fault scenarios of the load store, run against the compiled CLI as a user
 * would meet them; prints what happened in figures and asserts nothing
 * (docs/faults.md gives the figures measured):
 *
 *   npm run faults -- [--scale 0.02] [--seed 7] [--kills 10] [--spill-limit 100MB] [--raw DIR] [--keep]
 *
 * 1. kills: `tilsyn load` killed with SIGKILL at --kills delays spread over
 *    a load's duration; after each, the previous load must still be in use
 *    and `tilsyn measure` must give byte-identical files;
 * 2. two loads started at once: one loads, the other is refused;
 * 3. a corrupted store: a removed `work_hours.parquet`, another load's
 *    `offers.parquet` copied in, one flipped bit in `benefit_periods.parquet`
 *    — each must be refused naming the file, and `loads --verify` must say so;
 * 4. a forced DuckDB spill (`TILSYN_LOAD_MEMORY_LIMIT=100MB`) killed while it
 *    spills (or when it ends, if it never spills): no raw CPR number of the
 *    input may be left in any file;
 * 5. a full disk (a small tmpfs, when this machine allows mounting one) and
 *    a read-only store (a read-only bind mount).
 *
 * The data: the synthetic set of --scale/--seed with CPR-like ids
 * (`--cpr-ids`) and a random pseudonymisation key, in a temporary folder
 * removed at the end unless --keep is given; --raw DIR reuses a set made
 * with `tilsyn generate --cpr-ids` (it is copied, not changed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.02' },
    seed: { type: 'string', default: '7' },
    kills: { type: 'string', default: '10' },
    'spill-limit': { type: 'string', default: '100MB' },
    keep: { type: 'boolean' },
    raw: { type: 'string' },
  },
});

const CLI = fileURLToPath(new URL('../bin/tilsyn.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../test/fixtures/valid-load', import.meta.url));
const KEY = randomBytes(32).toString('hex');
const MEASURE_MONTHS = ['--from', '2025-01', '--to', '2025-03'];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, TILSYN_PSEUDONYM_KEY: KEY, TILSYN_USER: 'faults', ...extra };
}

function tilsyn(args: readonly string[], extra: Record<string, string> = {}): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: env(extra),
    maxBuffer: 1 << 26,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    milliseconds: performance.now() - started,
  };
}

/** Starts a load; resolves with how it ended. */
function startLoad(
  source: string,
  data: string,
  extra: Record<string, string> = {},
): { pid: number; kill(): void; done: Promise<Run> } {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'load', source, '--data-dir', data], {
    env: env(extra),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr, milliseconds: performance.now() - started });
    });
  });
  return {
    pid: child.pid ?? 0,
    kill: () => {
      child.kill('SIGKILL');
    },
    done,
  };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function current(data: string): Promise<string> {
  return (await readFile(join(data, 'loads', 'CURRENT'), 'utf8').catch(() => '')).trim();
}

/** The measure files of a run, without measure_run.json (its timings differ run by run). */
async function measureFiles(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(folder)).sort()) {
    if (name.endsWith('.csv')) files.set(name, await readFile(join(folder, name)));
  }
  return files;
}

function identical(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, bytes] of a) if (!b.get(name)?.equals(bytes)) return false;
  return true;
}

function measure(data: string, load: string, out: string): Run {
  return tilsyn(['measure', '--load', load, ...MEASURE_MONTHS, '--out', out, '--data-dir', data]);
}

async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

const root = await mkdtemp(join(tmpdir(), 'tilsyn-faults-'));
try {
  line(`Fault scenarios in ${root} (scale ${values.scale}, seed ${values.seed})`);
  const raw = join(root, 'raw');
  const generated =
    values.raw === undefined
      ? tilsyn([
          'generate',
          '--scale',
          values.scale,
          '--seed',
          values.seed,
          '--cpr-ids',
          '--out',
          raw,
        ])
      : { code: 0, stdout: '', stderr: '', milliseconds: 0 };
  if (values.raw !== undefined) await cp(values.raw, raw, { recursive: true });
  if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
  // A second source with other offers: the last 100 rows removed.
  const other = join(root, 'raw-other');
  await cp(raw, other, { recursive: true });
  const offers = (await readFile(join(other, 'offers.csv'), 'utf8')).split('\n');
  await writeFile(join(other, 'offers.csv'), `${offers.slice(0, -101).join('\n')}\n`);
  const cprNumbers = new Set(
    (await readFile(join(raw, 'benefit_periods.csv'), 'utf8')).match(/^\d{10}(?=,)/gm) ?? [],
  );
  line(
    `Generated in ${(generated.milliseconds / 1000).toFixed(1)} s; ${cprNumbers.size} distinct CPR-like ids in benefit_periods.csv`,
  );

  // 1. Kills at chosen moments.
  const data = join(root, 'data');
  const first = tilsyn(['load', raw, '--data-dir', data]);
  if (first.code !== 0) throw new Error(`first load failed: ${first.stderr}`);
  const timed = startLoad(raw, join(root, 'data-timing'));
  const full = await timed.done;
  // The machine's load varies: the kills are spread over the shorter of two whole loads.
  const duration = Math.min(full.milliseconds, first.milliseconds);
  const baseline = join(root, 'measure-baseline');
  const measured = measure(data, 'current', baseline);
  if (measured.code !== 0) throw new Error(`measure failed: ${measured.stderr}`);
  const expected = await measureFiles(baseline);
  line('');
  line(
    `1. Kills: whole loads took ${(first.milliseconds / 1000).toFixed(1)} s and ${(full.milliseconds / 1000).toFixed(1)} s; ${values.kills} loads killed with SIGKILL`,
  );
  line('   delay ms  staging seen  previous in use  measures identical  left after next loads');
  const kills = Number(values.kills);
  let intact = 0;
  let killed = 0;
  for (let index = 0; index < kills; index += 1) {
    const delay = Math.round((duration * (0.05 + (0.9 * index) / Math.max(1, kills - 1))) / 1);
    const before = await current(data);
    const load = startLoad(raw, data);
    await sleep(delay);
    const staging = (await readdir(join(data, 'loads'))).some((entry) =>
      entry.startsWith('.staging-'),
    );
    load.kill();
    const ended = await load.done;
    if (ended.code === 0) {
      line(`   ${String(delay).padStart(8)}  the load finished before the kill (not counted)`);
      continue;
    }
    killed += 1;
    const inUse = (await current(data)) === before;
    const out = join(root, `measure-kill-${index}`);
    const again = measure(data, 'current', out);
    const same = again.code === 0 && identical(expected, await measureFiles(out));
    tilsyn(['loads', '--data-dir', data]);
    const left = (await readdir(join(data, 'loads'))).filter(
      (entry) => entry.startsWith('.') || entry === 'LOCK',
    );
    if (inUse && same) intact += 1;
    line(
      `   ${String(delay).padStart(8)}  ${(staging ? 'yes' : 'no').padEnd(12)}  ${(inUse ? 'yes' : 'NO').padEnd(15)}  ${(same ? 'yes' : 'NO').padEnd(18)}  ${left.join(' ') || '-'}`,
    );
  }
  const previous = await current(data);
  line(`   ${intact} of ${killed} killed loads: previous load in use with byte-identical measures`);

  // 2. Two loads at once.
  line('');
  line('2. Two loads started at once');
  const a = startLoad(raw, data);
  const b = startLoad(other, data);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  const busy = (run: Run) => run.stderr.includes('datamappen er optaget');
  line(`   exit codes ${ra.code} and ${rb.code}; refused as busy: ${[ra, rb].filter(busy).length}`);
  for (const run of [ra, rb].filter(busy)) line(`   ${run.stderr.trim().split('\n')[0] ?? ''}`);
  const winner = await current(data);
  line(`   in use: ${winner}`);

  // 3. A corrupted store.
  line('');
  line('3. A corrupted store (copies of the load in use, measured with --load FOLDER)');
  const otherLoad = tilsyn(['load', other, '--data-dir', data]);
  const otherId = await current(data);
  if (otherLoad.code !== 0) throw new Error(`load of the other source failed: ${otherLoad.stderr}`);
  const damages: [string, (folder: string) => Promise<void>][] = [
    ['work_hours.parquet removed', (folder) => rm(join(folder, 'work_hours.parquet'))],
    [
      "another load's offers.parquet copied in",
      (folder) =>
        cp(join(data, 'loads', otherId, 'offers.parquet'), join(folder, 'offers.parquet')),
    ],
    [
      'one bit flipped in benefit_periods.parquet',
      async (folder) => {
        const file = join(folder, 'benefit_periods.parquet');
        const bytes = await readFile(file);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] ?? 0) ^ 0x01;
        await writeFile(file, bytes);
      },
    ],
  ];
  for (const [what, damage] of damages) {
    const folder = join(root, `damaged-${damages.findIndex(([name]) => name === what)}`);
    await cp(join(data, 'loads', previous), folder, { recursive: true });
    await damage(folder);
    const run = measure(data, folder, join(root, 'never'));
    const named = run.stderr.split('\n').find((text) => text.includes('beskadiget')) ?? '';
    line(`   ${what}: exit ${run.code}; ${named.replace(`${folder}/`, '')}`);
  }

  // 4. A forced spill, killed while DuckDB spills.
  line('');
  line(`4. A load with TILSYN_LOAD_MEMORY_LIMIT=${values['spill-limit']}, killed while it spills`);
  const spillData = join(root, 'data-spill');
  const spilling = startLoad(raw, spillData, { TILSYN_LOAD_MEMORY_LIMIT: values['spill-limit'] });
  let spillFiles = 0;
  const spillStarted = performance.now();
  while (performance.now() - spillStarted < full.milliseconds * 3) {
    const found = (await filesUnder(join(spillData, 'loads'))).filter((file) =>
      file.includes('duckdb_temp'),
    );
    if (found.length > 0) {
      spillFiles = found.length;
      break;
    }
    await sleep(20);
  }
  spilling.kill();
  const spillEnd = await spilling.done;
  const left = await filesUnder(spillData);
  let hits = 0;
  let bytes = 0;
  for (const file of left) {
    const content = (await readFile(file)).toString('latin1');
    bytes += content.length;
    for (const digits of content.match(/\d{10}/g) ?? []) if (cprNumbers.has(digits)) hits += 1;
  }
  line(
    `   spill files seen: ${spillFiles}; process ended with ${spillEnd.code ?? 'SIGKILL'}; files left: ${left.length} (${(bytes / 1e6).toFixed(1)} MB); raw CPR numbers found in them: ${hits}`,
  );

  // 5. Full disk and a read-only store.
  line('');
  line('5. A full disk (tmpfs of 1 MB) and a read-only store');
  const small = join(root, 'small-disk');
  await mkdir(small);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small]).status === 0;
  if (!mounted) line('   skipped: this machine does not allow mounting a tmpfs (run as root)');
  else {
    try {
      const smallData = join(small, 'data');
      const tiny = tilsyn(['load', FIXTURE, '--data-dir', smallData]);
      const before = await current(smallData);
      const big = tilsyn(['load', raw, '--data-dir', smallData]);
      const after = await current(smallData);
      const listed = tilsyn(['loads', '--data-dir', smallData]);
      const leftOver = (await readdir(join(smallData, 'loads'))).filter(
        (entry) => entry.startsWith('.') || entry === 'LOCK',
      );
      line(
        `   small load: exit ${tiny.code}; large load: exit ${big.code}: ${big.stderr.trim().split('\n')[0] ?? ''}`,
      );
      line(
        `   previous load still in use: ${before === after ? 'yes' : 'NO'}; loads: exit ${listed.code}; left in loads/: ${leftOver.join(' ') || '-'}`,
      );
      const readOnly = join(root, 'read-only');
      await mkdir(readOnly);
      await mkdir(join(smallData, 'loads', '.staging-dead'));
      await writeFile(join(smallData, 'loads', '.staging-dead', 'owner.json'), '{"pid":4194304}');
      const bound =
        spawnSync('mount', ['--bind', smallData, readOnly]).status === 0 &&
        spawnSync('mount', ['-o', 'remount,bind,ro', readOnly]).status === 0;
      if (bound) {
        const ro = tilsyn(['loads', '--data-dir', readOnly]);
        line(
          `   read-only store: loads exit ${ro.code}${ro.code === 0 ? '' : `: ${ro.stderr.trim()}`}; load in use listed: ${ro.stdout.includes(`*  ${after}`) ? 'yes' : 'NO'}`,
        );
        spawnSync('umount', [readOnly]);
      } else line('   read-only store: skipped (no bind mount)');
    } finally {
      spawnSync('umount', [small]);
    }
  }
} finally {
  if (values.keep) line(`\nKept: ${root}`);
  else await rm(root, { recursive: true, force: true });
}
