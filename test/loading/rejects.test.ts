import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import type { LoadManifest } from '../../src/loading/load-manifest.js';
import { createWorkspace, query, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

/** Three bad rows in two files: a broken line, an unknown code, an overlap. */
const BAD = {
  'offers.csv': [
    'person_id,type,from,to',
    'p001,virksomhedspraktik,2020-02-01,2020-03-31',
    'p003,loentilskud,2020-09-01',
    'p004,praktik,2022-03-01,2022-03-31',
    'p005,other,2023-05-01,',
    '',
  ].join('\n'),
  'benefit_periods.csv': [
    'person_id,municipality,benefit,from,to',
    'p001,101,dagpenge,2019-01-01,2019-12-31',
    'p001,101,kontanthjaelp,2019-12-01,',
    'p002,147,sygedagpenge,2020-03-01,2020-06-30',
    '',
  ].join('\n'),
};

const EXPECTED_REJECTS = [
  'file,line,column,value,reason',
  'benefit_periods.csv,3,,,ydelsesperioden overlapper samme persons periode på linje 2',
  'offers.csv,3,,,"linjen har 3 felter, men overskriften har 4"',
  'offers.csv,4,type,praktik,"ukendt tilbudstype; gyldige koder: virksomhedspraktik, loentilskud, nytteindsats, vejledning_opkvalificering, oevrig_vejledning_opkvalificering, other"',
  '',
].join('\n');

describe('a load with bad rows', () => {
  it('is refused by default: exit 2, the report on stderr, and nothing changes', async () => {
    const data = join(workspace.root, 'refused');
    const before = await runCli(['load', await workspace.loadFolder(), '--data-dir', data]);
    expect(before.code).toBe(0);
    const previous = await currentLoadId(data);
    const entries = await readdir(join(data, 'loads'));

    const result = await runCli(['load', await workspace.loadFolder(BAD), '--data-dir', data]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        `Indlæsningen er afvist: 3 rækker har fejl. Intet er ændret; indlæsning ${previous ?? ''} er fortsat i brug.`,
        '',
        'Fejl:',
        'benefit_periods.csv, linje 3: ydelsesperioden overlapper samme persons periode på linje 2',
        'offers.csv, linje 3: linjen har 3 felter, men overskriften har 4',
        'offers.csv, linje 4, kolonne "type" (værdi "praktik"): ukendt tilbudstype; gyldige koder: virksomhedspraktik, loentilskud, nytteindsats, vejledning_opkvalificering, oevrig_vejledning_opkvalificering, other',
        '',
        'Rækker pr. fil (læst = gyldige + afvist):',
        '  benefit_periods.csv       3 = 2 + 1',
        '      overlappende ydelsesperiode: 1',
        '  conversations.csv         5 = 5 + 0',
        '  offers.csv                4 = 2 + 2',
        '      forkert antal felter: 1',
        '      ukendt tilbudstype: 1',
        '  work_hours.csv            3 = 3 + 0',
        '  exemptions.csv            4 = 4 + 0',
        '  framework_conditions.csv  3 = 3 + 0',
        '  expected_rates.csv        2 = 2 + 0',
        '  focus_measures.csv        3 = 3 + 0',
        '',
        'Ret fejlene og indlæs igen, eller brug --accept-valid-rows for at indlæse de gyldige rækker og skrive de afviste til en fil.',
        '',
      ].join('\n'),
    );
    expect(await currentLoadId(data)).toBe(previous);
    expect((await readdir(join(data, 'loads'))).sort()).toEqual(entries.sort());
  });

  it('can still have every rejected row written to a file with --rejects', async () => {
    const data = join(workspace.root, 'refused-with-rejects');
    const rejects = join(workspace.root, 'afviste.csv');
    const result = await runCli([
      'load',
      await workspace.loadFolder(BAD),
      '--data-dir',
      data,
      '--rejects',
      rejects,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`\nDe afviste rækker står i ${rejects}.\n`);
    expect(await readFile(rejects, 'utf8')).toBe(EXPECTED_REJECTS);
    expect(await currentLoadId(data)).toBeUndefined();
  });

  it('refuses a --rejects file in a folder that does not exist, before loading', async () => {
    const missing = join(workspace.root, 'findes-ikke');
    const result = await runCli([
      'load',
      await workspace.loadFolder(BAD),
      '--data-dir',
      join(workspace.root, 'no-rejects-folder'),
      '--rejects',
      join(missing, 'afviste.csv'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Fejl: --rejects: mappen ${missing} findes ikke\nSe "tilsyn load --help".\n`,
    );
  });

  it('with --accept-valid-rows loads the good rows, writes the rejected ones to rejects.csv and counts them in the manifest', async () => {
    const data = join(workspace.root, 'accepted');
    const result = await runCli([
      'load',
      await workspace.loadFolder(BAD, 'accepted-input'),
      '--data-dir',
      data,
      '--accept-valid-rows',
    ]);
    expect(result.code).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const folder = join(data, 'loads', id);
    expect(result.stdout).toBe(
      [
        `Indlæsning ${id} er gemt og i brug.`,
        `Kilde: ${join(workspace.root, 'accepted-input')}`,
        '3 rækker er afvist og ikke indlæst.',
        '',
        'Fejl:',
        'benefit_periods.csv, linje 3: ydelsesperioden overlapper samme persons periode på linje 2',
        'offers.csv, linje 3: linjen har 3 felter, men overskriften har 4',
        'offers.csv, linje 4, kolonne "type" (værdi "praktik"): ukendt tilbudstype; gyldige koder: virksomhedspraktik, loentilskud, nytteindsats, vejledning_opkvalificering, oevrig_vejledning_opkvalificering, other',
        '',
        'Rækker pr. fil (læst = indlæst + afvist):',
        '  benefit_periods.csv       3 = 2 + 1',
        '      overlappende ydelsesperiode: 1',
        '  conversations.csv         5 = 5 + 0',
        '  offers.csv                4 = 2 + 2',
        '      forkert antal felter: 1',
        '      ukendt tilbudstype: 1',
        '  work_hours.csv            3 = 3 + 0',
        '  exemptions.csv            4 = 4 + 0',
        '  framework_conditions.csv  3 = 3 + 0',
        '  expected_rates.csv        2 = 2 + 0',
        '  focus_measures.csv        3 = 3 + 0',
        '',
        'Personer: 5',
        `De afviste rækker står i ${join(folder, 'rejects.csv')}.`,
        '',
      ].join('\n'),
    );
    expect(await readFile(join(folder, 'rejects.csv'), 'utf8')).toBe(EXPECTED_REJECTS);
    const offers = await query(`SELECT * FROM '${join(folder, 'offers.parquet')}'`);
    expect(offers.map((row) => Object.values(row))).toEqual([
      [0, 0, '2020-02-01', '2020-03-31'],
      [4, 5, '2023-05-01', null],
    ]);
    const manifest = JSON.parse(
      await readFile(join(folder, 'manifest.json'), 'utf8'),
    ) as LoadManifest;
    expect(manifest.acceptedValidRows).toBe(true);
    expect(manifest.rejectsFile).toBe('rejects.csv');
    expect(manifest.files.find((file) => file.name === 'offers')).toMatchObject({
      rowsRead: 4,
      rowsLoaded: 2,
      rowsRejected: 2,
      rejectedByReason: { 'forkert antal felter': 1, 'ukendt tilbudstype': 1 },
    });
    for (const file of manifest.files)
      expect(file.rowsRead).toBe(file.rowsLoaded + file.rowsRejected);
  });

  it('is refused even with --accept-valid-rows when person_id holds CPR numbers and no key is configured', async () => {
    const data = join(workspace.root, 'cpr');
    const conversations = [
      'person_id,date,kind,form,held_by',
      'p001,2019-06-01,jobsamtale,telefon,akasse',
      '0101901234,2019-03-01,jobsamtale,personligt,jobcenter',
      '',
    ].join('\n');
    const result = await runCli([
      'load',
      await workspace.loadFolder({ 'conversations.csv': conversations }),
      '--data-dir',
      data,
      '--accept-valid-rows',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'Indlæsningen er afvist: 1 række har et CPR-nummer i person_id, og der er ingen pseudonymiseringsnøgle. Intet er ændret; der er fortsat ingen indlæsning i brug.',
    );
    expect(await currentLoadId(data)).toBeUndefined();
  });
});

describe('the rejects file, opened in a spreadsheet', () => {
  const ATTACKS = ["=cmd|'/C calc'!A0", '+1+1', '-2+3', '@SUM(A1)'];
  const offers = [
    'person_id,type,from,to',
    'p001,virksomhedspraktik,2020-02-01,2020-03-31',
    ...ATTACKS.map((attack, index) => `p00${index + 2},${attack},2022-03-01,2022-03-31`),
    '',
  ].join('\n');
  const neutralised = ATTACKS.map((attack) => `'${attack}`);

  it('runs no formula from --rejects: every cell a spreadsheet would run gets an apostrophe', async () => {
    const rejects = join(workspace.root, 'formler.csv');
    const result = await runCli([
      'load',
      await workspace.loadFolder({ 'offers.csv': offers }),
      '--data-dir',
      join(workspace.root, 'formulas'),
      '--rejects',
      rejects,
    ]);
    expect(result.code).toBe(2);
    const values = (await readFile(rejects, 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('offers.csv'))
      .map((line) => line.split(',')[3]);
    expect(values).toEqual(neutralised);
  });

  it('runs no formula from the stored rejects.csv either', async () => {
    const data = join(workspace.root, 'formulas-accepted');
    const result = await runCli([
      'load',
      await workspace.loadFolder({ 'offers.csv': offers }),
      '--data-dir',
      data,
      '--accept-valid-rows',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const stored = await readFile(join(data, 'loads', id, 'rejects.csv'), 'utf8');
    for (const cell of neutralised) expect(stored).toContain(`,${cell},`);
  });
});
