/**
 * Measures the HTTP API under load and prints the figures (no assertions:
 * speed is reported, not tested).
 *
 *   npx tsx scripts/bench-api.ts [--database-url postgres://…] [--scratch-database]
 *                                [--seconds 30] [--connections 50] [--warmup 3] [--log]
 *   (or: npm run bench:api -- …)
 *
 * Stores the measures of a national measurement run — the 98 municipalities,
 * every scope (all, 3 groups, 9 types), both goals, 2019–2025 month by
 * month (about 200 000 rows, the count a national run stores; the figures
 * themselves are drawn, not measured) — in a fresh embedded database (or
 * the PostgreSQL database named), starts the server on 127.0.0.1, and lets
 * 50 concurrent clients with a ministry user's token read the national
 * overview and the municipality pages (case, measures of the last year) for
 * 30 s. Prints requests per second, the latency percentiles, and the
 * server's CPU time per request (this process's user + system time over the
 * measured period; with PGlite that includes the database, with PostgreSQL
 * not) — a figure that a machine busy with other work disturbs less than
 * the latencies.
 *
 * The clients run in a child process (`bench-api-load.ts`), so that they do
 * not share the server's event loop. Before the measured period every page
 * is read once (each must answer 200) and the clients warm the server up
 * for `--warmup` seconds (not counted).
 *
 * `--log`: the server logs every request as `tilsyn serve` does (level
 * info, JSON lines), to a file in the temporary directory; without it the
 * server is quiet.
 *
 * `--scratch-database`: with `--database-url`, create a new database next
 * to the one named (same server and user), use it, and drop it at the end,
 * so that each run starts from an empty database.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CLI_ACTOR } from '../src/cases/actor.js';
import { addUser, createApiToken } from '../src/cases/users.js';
import { monthRange, yearMonth } from '../src/core/calendar/year-month.js';
import { FOCUS_GOALS } from '../src/core/domain/focus-goal.js';
import { MEASURE_SCOPES } from '../src/core/domain/measure-scope.js';
import { SeededRandom } from '../src/core/random/seeded-random.js';
import { buildApp } from '../src/http/app.js';
import { readMunicipalities } from '../src/reference/municipalities.js';
import { openDatabase } from '../src/storage/database.js';
import type { LoadJob, LoadResult } from './bench-api-load.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'scratch-database': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    log: { type: 'boolean', default: false },
  },
});

const directory = await mkdtemp(join(tmpdir(), 'tilsyn-bench-api-'));
const givenUrl = values['database-url'];
if (values['scratch-database'] && givenUrl === undefined)
  throw new Error('--scratch-database needs --database-url (the server to create it on)');
const scratch =
  values['scratch-database'] && givenUrl !== undefined
    ? await createScratchDatabase(givenUrl)
    : undefined;
const url = scratch?.url ?? givenUrl;
const database = await openDatabase(
  url === undefined ? { kind: 'pglite', directory } : { kind: 'postgres', url },
);
const municipalities = await readMunicipalities();
const months = monthRange(yearMonth('2019-01'), yearMonth('2025-12'));

const started = performance.now();
const run = await database
  .insertInto('measurement_runs')
  .values({
    load_id: 'bench',
    rules_version: 'v2023',
    from_month: '2019-01',
    to_month: '2025-12',
    status: 'done',
    progress: 1,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const random = new SeededRandom(42);
let batch: {
  measurement_run_id: number;
  municipality_code: number;
  month: string;
  goal: string;
  scope: string;
  target: number;
  passive: number;
  passive_share: number;
}[] = [];
let rows = 0;
for (const municipality of municipalities)
  for (const month of months)
    for (const goal of FOCUS_GOALS)
      for (const scope of MEASURE_SCOPES) {
        const target = 200 + Math.floor(random.next() * 2000);
        const passive = Math.floor(target * (0.1 + random.next() * 0.3));
        batch.push({
          measurement_run_id: run.id,
          municipality_code: municipality.code,
          month,
          goal,
          scope,
          target,
          passive,
          passive_share: (passive / target) * 100,
        });
        if (batch.length === 2000) {
          await database.insertInto('measured_focus_measures').values(batch).execute();
          rows += batch.length;
          batch = [];
        }
      }
if (batch.length > 0) {
  await database.insertInto('measured_focus_measures').values(batch).execute();
  rows += batch.length;
}
console.log(
  `Lagrede ${rows.toLocaleString('da-DK')} månedlige målinger på ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

await addUser(database, CLI_ACTOR, {
  username: 'bench',
  role: 'ministry',
  password: 'et langt kodeord',
});
const { token } = await createApiToken(database, CLI_ACTOR, 'bench');
const logFile = join(directory, 'server.log');
const logStream = values.log ? createWriteStream(logFile) : undefined;
const app = await buildApp({
  database,
  dataDirectory: directory,
  ...(logStream === undefined ? {} : { log: { level: 'info', stream: logStream } }),
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });

const codes = municipalities.map((municipality) => municipality.code);
const paths = [
  '/api/overview',
  ...codes.flatMap((code) => [
    `/api/municipalities/${code}/case`,
    `/api/municipalities/${code}/measures?from=2025-01&to=2025-12&scope=all`,
  ]),
];

// Every page answers before the load starts; a failing page would make the
// figures meaningless.
for (const path of paths) {
  const response = await fetch(`${address}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200)
    throw new Error(`${path} answered ${String(response.status)}: ${await response.text()}`);
  await response.arrayBuffer();
}

const job = { url: address, token, paths, connections: Number(values.connections) };
const warmup = Number(values.warmup);
if (warmup > 0) await load({ ...job, seconds: warmup });
const cpuBefore = process.cpuUsage();
const result = await load({ ...job, seconds: Number(values.seconds) });
const cpu = process.cpuUsage(cpuBefore);
const cpuPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests);
console.log(
  [
    `Log: ${values.log ? 'hver forespørgsel logges som af tilsyn serve (info, JSON-linjer til en fil)' : 'ingen'}`,
    `Database: ${url === undefined ? 'PGlite (indbygget)' : `PostgreSQL${scratch === undefined ? '' : ' (midlertidig database)'}`}`,
    `${values.connections} samtidige klienter i ${values.seconds} s (efter ${values.warmup} s opvarmning): ${result.requests.toLocaleString('da-DK')} forespørgsler`,
    `  ${result.requestsPerSecond.toFixed(0)} forespørgsler/s`,
    `  latens p50 ${String(result.p50)} ms, p90 ${String(result.p90)} ms, p99 ${String(result.p99)} ms, maks ${String(result.max)} ms`,
    `  fejl ${String(result.errors)}, time-outs ${String(result.timeouts)}, ikke-2xx ${String(result.non2xx)}`,
    `  serverens CPU-tid ${cpuPerRequest.toFixed(2)} ms pr. forespørgsel (${url === undefined ? 'medregnet databasen, der kører i serverens proces' : 'uden databasens'})`,
  ].join('\n'),
);

await app.close();
logStream?.end();
await database.destroy();
await rm(directory, { recursive: true, force: true });
if (scratch !== undefined) await scratch.drop();

/** Runs the clients in a child process and waits for their figures. */
async function load(loadJob: LoadJob): Promise<LoadResult> {
  const child = fork(new URL('./bench-api-load.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
  });
  const answer = once(child, 'message') as Promise<[LoadResult]>;
  const exit = once(child, 'exit') as Promise<[number | null]>;
  child.send(loadJob);
  const settled = await Promise.race([answer, exit.then(([code]) => code)]);
  if (!Array.isArray(settled))
    throw new Error(`The load generator ended with code ${String(settled)}`);
  await exit;
  return settled[0];
}

/** A new, empty database on the server of `serverUrl`, and how to drop it. */
async function createScratchDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tilsyn_bench_${String(process.pid)}_${String(Date.now())}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const scratchUrl = new URL(serverUrl);
  scratchUrl.pathname = `/${name}`;
  return {
    url: scratchUrl.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
