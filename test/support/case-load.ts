/**
 * A synthetic national load for the case system's tests: the generator's
 * raw files are made once per machine (kept in the temporary folder and
 * reused while the generator's model is the same) and loaded into a fresh
 * data directory per test file, with the real loader.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSyntheticLoad } from '../../src/pipeline/synthetic-load.js';

/** Small enough to generate and measure in seconds, large enough for the benchmark model. */
export const CASE_LOAD_SCALE = 0.01;
export const CASE_LOAD_SEED = 7;

export interface CaseLoad {
  readonly dataDirectory: string;
  readonly loadId: string;
  remove(): Promise<void>;
}

export async function syntheticCaseLoad(): Promise<CaseLoad> {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'tilsyn-case-data-'));
  const { load } = await prepareSyntheticLoad({
    folder: join(tmpdir(), 'tilsyn-case-tests-raw'),
    dataDirectory,
    scale: CASE_LOAD_SCALE,
    seed: CASE_LOAD_SEED,
    now: new Date('2026-03-01T08:00:00Z'),
    createdBy: 'test',
  });
  return {
    dataDirectory,
    loadId: load.id,
    remove: () => rm(dataDirectory, { recursive: true, force: true }),
  };
}
