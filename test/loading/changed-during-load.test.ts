/**
 * The manifest's SHA-256 of an input file must be the checksum of the rows
 * that were loaded: a file replaced or changed while the load reads it is
 * refused, naming the file, and nothing is stored.
 */
import { createHash } from 'node:crypto';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import { loadData, type LoadPhase } from '../../src/loading/load-data.js';
import { createWorkspace, type Workspace } from '../support/load-folders.js';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

const OTHER_OFFERS = 'person_id,type,from,to\np001,virksomhedspraktik,2021-01-04,2021-01-29\n';

/** Loads `folder`, running `change` when the phase `at` starts. */
async function loadChanging(folder: string, at: LoadPhase, change: () => Promise<void>) {
  const changes: Promise<void>[] = [];
  return loadData({
    source: folder,
    dataDirectory: workspace.dataDirectory,
    acceptValidRows: false,
    now: new Date('2026-11-23T12:00:00Z'),
    createdBy: 'tester',
    onPhase: (phase) => {
      if (phase === at) changes.push(change());
    },
  }).finally(() => Promise.all(changes));
}

describe('an input file changed during the load', () => {
  it('is refused when it is replaced (renamed over) while the rows are read', async () => {
    const folder = await workspace.loadFolder();
    const before = await currentLoadId(workspace.dataDirectory);
    // As many rows as the file found, other content: nothing but the check tells them apart.
    const replacement = (await readFile(join(folder, 'offers.csv'), 'utf8')).replace(
      '2020-03-31',
      '2020-04-30',
    );
    // Replaced after the scan: the checksum is the old file's while DuckDB reads the new one.
    await expect(
      loadChanging(folder, 'validate', async () => {
        await writeFile(join(folder, '.offers.new'), replacement);
        await rename(join(folder, '.offers.new'), join(folder, 'offers.csv'));
      }),
    ).rejects.toThrow(
      'offers.csv: filen blev ændret, mens den blev indlæst; indlæs igen, når filen ikke længere ændres',
    );
    expect(await currentLoadId(workspace.dataDirectory)).toBe(before);
  });

  it('is refused when it is written to in place while the rows are read', async () => {
    const folder = await workspace.loadFolder();
    await expect(
      loadChanging(folder, 'validate', () =>
        appendFile(join(folder, 'work_hours.csv'), 'p009,2021-05,12.5\n'),
      ),
    ).rejects.toThrow('work_hours.csv: filen blev ændret, mens den blev indlæst');
  });

  it('is loaded when nothing changes, with the checksum of the bytes loaded', async () => {
    const folder = await workspace.loadFolder({ 'offers.csv': OTHER_OFFERS });
    const result = await loadChanging(folder, 'validate', () => Promise.resolve());
    expect(result.status).toBe('loaded');
    const offers = result.status === 'loaded' ? result.manifest.files[2] : undefined;
    expect(offers?.file).toBe('offers.csv');
    expect(offers?.sha256).toBe(createHash('sha256').update(OTHER_OFFERS).digest('hex'));
    expect(offers?.rowsLoaded).toBe(1);
  });
});
