/**
 * A synthetic national data set, generated and loaded once and reused: the
 * first step of the demo and of the benchmarks. The raw files go to
 * `<folder>/synthetic-scale-<S>-seed-<N>/` (kept while the generator's model
 * version is the same: the same seed and scale give the same bytes), and they
 * are loaded into the data directory unless the current load already is that
 * folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { yearMonth } from '../core/calendar/year-month.js';
import { isFile } from '../files/path-kind.js';
import { currentLoadId, openLoad, type OpenedLoad } from '../loading/load-catalog.js';
import { loadData } from '../loading/load-data.js';
import { GENERATOR_MODEL_VERSION, generateDataSet } from '../synthetic/generate.js';

export interface SyntheticLoadRequest {
  /** Where the raw files are kept. */
  readonly folder: string;
  /** Where the load is stored (the data directory). */
  readonly dataDirectory: string;
  readonly scale: number;
  readonly seed: number;
  readonly now: Date;
  readonly createdBy: string;
  /** Told as each step starts or is skipped. */
  readonly progress?: (step: 'generate' | 'reuse-raw' | 'load' | 'reuse-load') => void;
}

export interface SyntheticLoad {
  readonly rawFolder: string;
  readonly load: OpenedLoad;
  readonly generated: boolean;
  readonly loaded: boolean;
}

/** The raw files of a synthetic data set, generated unless already there with the same settings. */
export async function ensureSyntheticData(
  request: Pick<SyntheticLoadRequest, 'folder' | 'scale' | 'seed' | 'progress'>,
): Promise<{ rawFolder: string; generated: boolean }> {
  const progress = request.progress ?? (() => undefined);
  const rawFolder = join(request.folder, `synthetic-scale-${request.scale}-seed-${request.seed}`);
  if (await isCurrentGeneration(rawFolder, request)) {
    progress('reuse-raw');
    return { rawFolder, generated: false };
  }
  progress('generate');
  await generateDataSet({
    seed: request.seed,
    scale: request.scale,
    outDirectory: rawFolder,
    format: 'csv',
    cprIds: false,
    firstMonth: yearMonth('2019-01'),
    lastMonth: yearMonth('2025-12'),
    workers: 2,
    force: true,
  });
  return { rawFolder, generated: true };
}

export async function prepareSyntheticLoad(request: SyntheticLoadRequest): Promise<SyntheticLoad> {
  const progress = request.progress ?? (() => undefined);
  const { rawFolder, generated } = await ensureSyntheticData(request);

  const current = await currentLoadId(request.dataDirectory);
  if (!generated && current !== undefined) {
    const load = await openLoad(request.dataDirectory, current);
    if (load.manifest.source === rawFolder) {
      progress('reuse-load');
      return { rawFolder, load, generated, loaded: false };
    }
  }
  progress('load');
  const result = await loadData({
    source: rawFolder,
    dataDirectory: request.dataDirectory,
    acceptValidRows: false,
    now: request.now,
    createdBy: request.createdBy,
  });
  if (result.status !== 'loaded') {
    throw new Error(
      `the synthetic data set was refused by the loader: ${JSON.stringify(result.problems.slice(0, 3))}`,
    );
  }
  return {
    rawFolder,
    load: await openLoad(request.dataDirectory, result.id),
    generated,
    loaded: true,
  };
}

/** Whether `folder` holds a finished generation with these settings and the current model. */
async function isCurrentGeneration(
  folder: string,
  request: Pick<SyntheticLoadRequest, 'scale' | 'seed'>,
): Promise<boolean> {
  const file = join(folder, 'generator.json');
  if (!(await isFile(file))) return false;
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    return (
      parsed['seed'] === request.seed &&
      parsed['scale'] === request.scale &&
      parsed['modelVersion'] === GENERATOR_MODEL_VERSION &&
      parsed['format'] === 'csv' &&
      parsed['personIds'] === 'pseudonym'
    );
  } catch {
    return false;
  }
}
