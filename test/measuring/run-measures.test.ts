import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { runMeasures } from '../../src/measuring/run-measures.js';
import { writeMeasures } from '../../src/measuring/write-measures.js';
import type { PersonRecords } from '../support/load-records.js';
import { FIXTURE_PERSONS } from '../support/measure-fixture.js';
import { writeLoadStore } from '../support/write-load-store.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';

let root = '';
let folder = '';

/** The fixture persons and 60 variations of them, so that two workers each get a share. */
function population(): PersonRecords[] {
  const persons: PersonRecords[] = [...FIXTURE_PERSONS];
  for (let copy = 0; copy < 60; copy += 1) {
    for (const person of FIXTURE_PERSONS) {
      persons.push({
        ...person,
        id: `${person.id}-${String(copy).padStart(2, '0')}`,
        periods: (person.periods ?? []).map((period) => ({
          ...period,
          municipality: copy % 3 === 0 ? 147 : (period.municipality ?? 101),
          from: `2021-${String((copy % 12) + 1).padStart(2, '0')}-01`,
        })),
      });
    }
  }
  return persons;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-run-'));
  folder = join(root, 'load');
  await writeLoadStore(folder, population(), { municipalities: [101, 147] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a measure run', () => {
  it('gives identical counts with one worker and with two', async () => {
    const options = {
      folder,
      from: yearMonth('2021-06'),
      to: yearMonth('2023-12'),
      rules: OFFICIAL_RULES,
    };
    const one = await runMeasures({ ...options, workers: 1 });
    const two = await runMeasures({ ...options, workers: 2 });
    expect(two.workers).toBe(2);
    expect(two.accumulators).toEqual(one.accumulators);
    expect(one.accumulators.focusTarget.reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });

  it('writes byte-identical files when run twice on the same load', async () => {
    const options = {
      folder,
      from: yearMonth('2022-01'),
      to: yearMonth('2023-06'),
      rules: OFFICIAL_RULES,
    };
    const first = join(root, 'first');
    const second = join(root, 'second');
    await writeMeasures(first, await runMeasures({ ...options, workers: 1 }), {
      loadId: 'x',
      loadFolder: folder,
    });
    await writeMeasures(second, await runMeasures({ ...options, workers: 2 }), {
      loadId: 'x',
      loadFolder: folder,
    });
    const names = (await readdir(first)).sort();
    expect(names).toEqual([
      'benchmark_measures.csv',
      'benefit_rates.csv',
      'early_effort.csv',
      'early_effort_alerts.csv',
      'focus_measures.csv',
      'measure_run.json',
      'minimum_requirements.csv',
      'national_focus_measures.csv',
    ]);
    for (const name of names) {
      const a = await readFile(join(first, name), 'utf8');
      const b = await readFile(join(second, name), 'utf8');
      if (name === 'measure_run.json') {
        // Only the timings (and the number of workers) may differ.
        const strip = (text: string) => ({ ...(JSON.parse(text) as object), timings: null });
        expect(strip(b)).toEqual(strip(a));
      } else expect(b, name).toBe(a);
    }
  });
});
