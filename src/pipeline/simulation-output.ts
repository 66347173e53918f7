/**
 * Where a simulation may write. A result computed with overrides (`--set`)
 * is never written where official results are:
 *
 * - never inside the data directory (the load store and the demo's results);
 * - never over an existing file that is not itself a simulation's output
 *   (the text report's first line, the JSON's `schema`);
 * - never into a folder holding official measure files (a `measure_run.json`
 *   without overrides).
 *
 * And official measure files are never written into a simulation's folder.
 *
 * A simulation's outputs name every override: the text report's first line,
 * the JSON's `overrides`, the `measure_run.json` of a measure run (with
 * `rules.official: false`), and a `SIMULERING.txt` beside the measure files.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { DomainError } from '../core/domain-error.js';
import { SIMULATION_SCHEMA, SIMULATION_TEXT_MARK } from '../reports/simulation-report.js';

/** The marker file written beside a simulation's measure files. */
export const SIMULATION_MARKER_FILE = 'SIMULERING.txt';

function refuse(message: string): never {
  throw new DomainError('simulation_output_refused', message);
}

function inside(path: string, folder: string): boolean {
  const between = relative(resolve(folder), resolve(path));
  return between === '' || (!between.startsWith('..') && !isAbsolute(between));
}

async function exists(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    const found = await stat(path);
    return found.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** Refuses a report file of a simulation that would replace anything but an earlier simulation. */
export async function refuseOfficialReportFile(path: string, dataDirectory: string): Promise<void> {
  if (inside(path, dataDirectory))
    refuse(`${path} ligger i datamappen ${dataDirectory}; en simulering skrives aldrig dér`);
  if ((await exists(path)) === undefined) return;
  const text = await readFile(path, 'utf8');
  const isSimulation =
    text.startsWith(SIMULATION_TEXT_MARK) || text.includes(`"schema": "${SIMULATION_SCHEMA}"`);
  if (!isSimulation)
    refuse(
      `${path} findes og er ikke en simulering; en simulering erstatter aldrig officielle resultater. Vælg en anden fil`,
    );
}

/** Whether a `measure_run.json` records official measures (anything but `rules.official: false`). */
async function isOfficialRecord(path: string): Promise<boolean> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { rules?: { official?: unknown } };
    return parsed.rules?.official !== false;
  } catch {
    return true;
  }
}

/** Refuses a folder for a simulation's measure files that holds official measure files. */
export async function refuseOfficialMeasureFolder(
  folder: string,
  dataDirectory: string,
): Promise<void> {
  if (inside(folder, dataDirectory))
    refuse(`${folder} ligger i datamappen ${dataDirectory}; en simulering skrives aldrig dér`);
  const kind = await exists(folder);
  if (kind === 'file') refuse(`${folder} er en fil, ikke en mappe`);
  if (kind === undefined) return;
  const record = join(folder, 'measure_run.json');
  if ((await exists(record)) === undefined) return;
  if (await isOfficialRecord(record))
    refuse(
      `${folder} indeholder officielle målinger (measure_run.json uden ændrede regler); en simulering skrives aldrig dér. Vælg en anden mappe`,
    );
}

/**
 * Refuses a folder for official measure files that holds a simulation's
 * files: official and simulated figures never share a folder.
 */
export async function refuseSimulationMeasureFolder(folder: string): Promise<void> {
  if ((await exists(join(folder, SIMULATION_MARKER_FILE))) !== undefined)
    refuse(
      `${folder} indeholder en simulering (${SIMULATION_MARKER_FILE}); officielle målinger skrives ikke i samme mappe. Vælg en anden mappe`,
    );
}
