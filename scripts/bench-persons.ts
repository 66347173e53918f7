/**
 * The persons list asked again: a synthetic load (the demo's scale unless
 * `--scale` says otherwise) in use, the app over an embedded database, and
 * København's own user listing the persons of a month — first, the same
 * again, then the other goal of the month. Prints each request's time.
 *
 *   npx tsx scripts/bench-persons.ts [--scale 0.01] [--month 2024-06]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../src/cases/actor.js';
import { addUser, createApiToken } from '../src/cases/users.js';
import { buildApp } from '../src/http/app.js';
import { prepareSyntheticLoad } from '../src/pipeline/synthetic-load.js';
import { openDatabase } from '../src/storage/database.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    month: { type: 'string', default: '2024-06' },
  },
});
const scale = Number(values.scale);
const dataDirectory = await mkdtemp(join(tmpdir(), 'tilsyn-bench-persons-'));
try {
  await prepareSyntheticLoad({
    folder: join(tmpdir(), `tilsyn-bench-persons-raw-${String(scale)}`),
    dataDirectory,
    scale,
    seed: 7,
    now: new Date('2026-03-01T08:00:00Z'),
    createdBy: 'bench',
  });
  const database = await openDatabase({ kind: 'pglite', directory: undefined });
  await addUser(database, CLI_ACTOR, {
    username: 'koebenhavn',
    role: 'municipality',
    municipalityCode: 101,
    password: 'bench-adgangskode',
  });
  const { token } = await createApiToken(database, CLI_ACTOR, 'koebenhavn');
  const app = await buildApp({ database, dataDirectory });
  const list = `/api/municipalities/101/persons?month=${values.month}&scope=all&reason=bench`;
  for (const [label, goal] of [
    ['first request', 'offers'],
    ['same again', 'offers'],
    ['other goal', 'conversations'],
  ] as const) {
    const started = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: `${list}&goal=${goal}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const milliseconds = performance.now() - started;
    const persons = response.statusCode === 200 ? response.json<{ target: number }>().target : 0;
    console.log(
      `${label.padEnd(14)} ${String(response.statusCode)} ${milliseconds.toFixed(0).padStart(6)} ms  (${String(persons)} persons)`,
    );
  }
  await app.close();
  await database.destroy();
} finally {
  await rm(dataDirectory, { recursive: true, force: true });
}
