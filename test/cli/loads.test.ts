import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLoads, openLoad } from '../../src/loading/load-catalog.js';
import { createWorkspace, VALID_LOAD, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
let data: string;
beforeAll(async () => {
  workspace = await createWorkspace();
  data = workspace.dataDirectory;
});
afterAll(async () => {
  await workspace.cleanUp();
});

async function sha(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(join(VALID_LOAD, file)))
    .digest('hex')
    .slice(0, 12);
}

describe('tilsyn loads', () => {
  it('says so when there are no loads', async () => {
    const result = await runCli(['loads', '--data-dir', data]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Der er ingen indlæsninger i ${data}. Indlæs data med "tilsyn load MAPPE".\n`,
    );
  });

  it('lists every load, newest first, with time, who, source, files and which is in use', async () => {
    const first = await workspace.loadFolder({}, 'udtræk-1');
    const second = await workspace.loadFolder(
      { 'offers.csv': null, 'expected_rates.csv': null, 'focus_measures.csv': null },
      'udtræk-2',
    );
    await writeFile(
      join(second, 'offers.csv'),
      'person_id,type,from,to\np001,other,2021-01-04,2021-01-29\np002,praktik,2021-01-04,\n',
    );
    expect(
      (
        await runCli(['load', first, '--data-dir', data], {
          env: { TILSYN_USER: 'anna' },
          now: new Date('2026-11-23T12:00:00Z'),
        })
      ).code,
    ).toBe(0);
    expect(
      (
        await runCli(['load', second, '--data-dir', data, '--accept-valid-rows'], {
          env: { TILSYN_USER: 'bo' },
          now: new Date('2026-11-24T09:30:05Z'),
        })
      ).code,
    ).toBe(0);
    const [older, newer] = await listLoads(data);
    const offers = createHash('sha256')
      .update(await readFile(join(second, 'offers.csv')))
      .digest('hex')
      .slice(0, 12);

    const result = await runCli(['loads', '--data-dir', data]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `Indlæsninger i ${data}, nyeste først (* = i brug):`,
        '',
        `   Id                     Tidspunkt (UTC)      Af    Kilde`,
        `*  ${newer?.id ?? ''}  2026-11-24 09:30:05  bo    ${second}`,
        `    benefit_periods.csv       9 rækker            sha256 ${await sha('benefit_periods.csv')}`,
        `    conversations.csv         5 rækker            sha256 ${await sha('conversations.csv')}`,
        `    offers.csv                 1 række  1 afvist  sha256 ${offers}`,
        `    work_hours.csv            3 rækker            sha256 ${await sha('work_hours.csv')}`,
        `    exemptions.csv            4 rækker            sha256 ${await sha('exemptions.csv')}`,
        `    framework_conditions.csv  3 rækker            sha256 ${await sha('framework_conditions.csv')}`,
        '    Data fra 2018-06 til og med 2023-06',
        `   ${older?.id ?? ''}  2026-11-23 12:00:00  anna  ${first}`,
        `    benefit_periods.csv       9 rækker  sha256 ${await sha('benefit_periods.csv')}`,
        `    conversations.csv         5 rækker  sha256 ${await sha('conversations.csv')}`,
        `    offers.csv                6 rækker  sha256 ${await sha('offers.csv')}`,
        `    work_hours.csv            3 rækker  sha256 ${await sha('work_hours.csv')}`,
        `    exemptions.csv            4 rækker  sha256 ${await sha('exemptions.csv')}`,
        `    framework_conditions.csv  3 rækker  sha256 ${await sha('framework_conditions.csv')}`,
        `    expected_rates.csv        2 rækker  sha256 ${await sha('expected_rates.csv')}`,
        `    focus_measures.csv        3 rækker  sha256 ${await sha('focus_measures.csv')}`,
        '    Data fra 2018-06 til og med 2023-06',
        '',
      ].join('\n'),
    );
  });

  it('gives every manifest, newest first, with --json', async () => {
    const result = await runCli(['loads', '--data-dir', data, '--json']);
    const loads = JSON.parse(result.stdout) as {
      id: string;
      current: boolean;
      createdBy: string;
    }[];
    expect(loads.map((load) => [load.current, load.createdBy])).toEqual([
      [true, 'bo'],
      [false, 'anna'],
    ]);
  });

  it('removes staging folders of loads whose process has ended, and keeps those of running loads', async () => {
    const loads = join(data, 'loads');
    await mkdir(join(loads, '.staging-dead'));
    await writeFile(
      join(loads, '.staging-dead', 'owner.json'),
      JSON.stringify({ pid: 2 ** 22 + 7 }),
    );
    await mkdir(join(loads, '.staging-orphan'));
    await mkdir(join(loads, '.staging-running'));
    await writeFile(
      join(loads, '.staging-running', 'owner.json'),
      JSON.stringify({ pid: process.pid }),
    );
    expect((await runCli(['loads', '--data-dir', data])).code).toBe(0);
    const left = (await readdir(loads)).filter((entry) => entry.startsWith('.staging-'));
    expect(left).toEqual(['.staging-running']);
  });
});

describe('the reading API for a data directory without a load in use', () => {
  it('refuses to open "current", naming the folder and what to do', async () => {
    const empty = join(workspace.root, 'empty');
    await expect(openLoad(empty)).rejects.toThrow(
      `${join(empty, 'loads')}: der er ingen indlæsning i brug; indlæs data med "tilsyn load MAPPE"`,
    );
  });

  it('refuses an unknown load id and a folder that is not a load', async () => {
    await expect(openLoad(data, '20991231T000000Z-0000')).rejects.toThrow(
      `${join(data, 'loads', '20991231T000000Z-0000')}: indlæsningen findes ikke`,
    );
    await expect(openLoad(data, workspace.root)).rejects.toThrow(
      `${workspace.root}: er ikke en indlæsning (manifest.json mangler eller kan ikke læses)`,
    );
  });
});
