/**
 * Which stored load a command measures. `--load` is a path to a load folder
 * (a folder with `manifest.json` and the Parquet files), an id under
 * `<data dir>/loads/`, or `current`. When the loader's `openLoad` lands, this
 * is the one function to switch to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../files/input-error.js';

export interface ResolvedLoad {
  readonly id: string;
  readonly folder: string;
}

export function resolveLoad(dataDirectory: string, idOrPath: string, cwd: string): ResolvedLoad {
  const candidates: string[] = [resolve(cwd, idOrPath)];
  const loads = join(dataDirectory, 'loads');
  if (idOrPath === 'current' && existsSync(join(loads, 'CURRENT'))) {
    candidates.push(join(loads, readFileSync(join(loads, 'CURRENT'), 'utf8').trim()));
  } else if (/^[A-Za-z0-9_.-]+$/.test(idOrPath)) {
    candidates.push(join(loads, idOrPath));
  }
  for (const folder of candidates) {
    const manifest = join(folder, 'manifest.json');
    if (!existsSync(manifest)) continue;
    let id = idOrPath;
    try {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'id' in parsed &&
        typeof parsed.id === 'string'
      )
        id = parsed.id;
    } catch {
      throw new InputError({ file: manifest, reason: 'manifest.json er ikke gyldig JSON' });
    }
    return { id, folder };
  }
  throw new InputError({
    file: idOrPath,
    reason:
      'ingen indlæsning med dette id eller sti (angiv en mappe med manifest.json og Parquet-filerne, et id under datamappen eller "current")',
  });
}
