/**
 * Measures the HTTP API under load and prints the figures (no assertions:
 * speed is reported, not tested).
 *
 *   npx tsx scripts/bench-api.ts [--database-url postgres://…] [--seconds 30] [--connections 50]
 *   (or: npm run bench:api)
 *
 * Stores the measures of a national measurement run — the 98 municipalities,
 * every scope (all, 3 groups, 9 types), both goals, 2019–2025 month by
 * month (about 180 000 rows, the count a national run stores; the figures
 * themselves are drawn, not measured) — in a fresh embedded database (or
 * the PostgreSQL database named), starts the server on 127.0.0.1, and lets
 * 50 concurrent clients with a ministry user's token read the national
 * overview and the municipality pages (case, measures of the last year) for
 * 30 s. Prints requests per second and the latency percentiles.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CLI_ACTOR } from '../src/cases/actor.js';
import { addUser, createApiToken } from '../src/cases/users.js';
import { monthRange, yearMonth } from '../src/core/calendar/year-month.js';
import { FOCUS_GOALS } from '../src/core/domain/focus-goal.js';
import { MEASURE_SCOPES } from '../src/core/domain/measure-scope.js';
import { SeededRandom } from '../src/core/random/seeded-random.js';
import { buildApp } from '../src/http/app.js';
import { readMunicipalities } from '../src/reference/municipalities.js';
import { openDatabase } from '../src/storage/database.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
  },
});

const directory = await mkdtemp(join(tmpdir(), 'tilsyn-bench-api-'));
const url = values['database-url'];
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
          passive_share: passive / target,
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
const app = await buildApp({ database, dataDirectory: directory });
const address = await app.listen({ host: '127.0.0.1', port: 0 });

const codes = municipalities.map((municipality) => municipality.code);
const paths = [
  '/api/overview',
  ...codes.flatMap((code) => [
    `/api/municipalities/${code}/case`,
    `/api/municipalities/${code}/measures?from=2025-01&to=2025-12&scope=all`,
  ]),
];
let next = 0;
const result = await autocannon({
  url: address,
  connections: Number(values.connections),
  duration: Number(values.seconds),
  headers: { authorization: `Bearer ${token}` },
  requests: [
    {
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }),
    },
  ],
});
console.log(
  [
    `Database: ${url === undefined ? 'PGlite (indbygget)' : 'PostgreSQL'}`,
    `${values.connections} samtidige klienter i ${values.seconds} s: ${result.requests.total.toLocaleString('da-DK')} forespørgsler`,
    `  ${result.requests.average.toFixed(0)} forespørgsler/s`,
    `  latens p50 ${String(result.latency.p50)} ms, p90 ${String(result.latency.p90)} ms, p99 ${String(result.latency.p99)} ms, maks ${String(result.latency.max)} ms`,
    `  fejl ${String(result.errors)}, time-outs ${String(result.timeouts)}, ikke-2xx ${String(result.non2xx)}`,
  ].join('\n'),
);

await app.close();
await database.destroy();
await rm(directory, { recursive: true, force: true });
