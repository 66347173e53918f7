import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_SCOPES } from '../../src/core/domain/measure-scope.js';
import { FIXTURE_MUNICIPALITIES, FIXTURE_PERSONS } from '../support/measure-fixture.js';
import { runCli } from '../support/run-cli.js';
import { loadRecords, writeLoadStore, writeRawFiles } from '../support/write-load-store.js';

let root = '';
let load = '';
let loadId = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-cli-measure-'));
  load = join(root, 'load');
  loadId = await writeLoadStore(load, FIXTURE_PERSONS, {
    municipalities: FIXTURE_MUNICIPALITIES,
    dataUntil: '2023-03',
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('tilsyn measure', () => {
  it('writes focus_measures.csv with one row per municipality, month, goal and scope', async () => {
    const result = await runCli(
      [
        'measure',
        '--load',
        load,
        '--from',
        '2023-02',
        '--to',
        '2023-03',
        '--out',
        'out',
        '--workers',
        '1',
      ],
      { cwd: root },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Målinger 2023-02 … 2023-03 fra indlæsning ${loadId}`);
    // Worked by hand (test/support/measure-fixture.ts): in 101 person A is in the target group,
    // kontanthjælp, passive for offers only; in 147 person B, dagpenge, passive for
    // conversations only. Every other cell is 0.
    const cells: Record<string, [number, number]> = {
      '101 offers all': [1, 1],
      '101 offers kontanthjaelp_mv': [1, 1],
      '101 offers kontanthjaelp': [1, 1],
      '101 conversations all': [1, 0],
      '101 conversations kontanthjaelp_mv': [1, 0],
      '101 conversations kontanthjaelp': [1, 0],
      '147 offers all': [1, 0],
      '147 offers a_dagpenge': [1, 0],
      '147 offers dagpenge': [1, 0],
      '147 conversations all': [1, 1],
      '147 conversations a_dagpenge': [1, 1],
      '147 conversations dagpenge': [1, 1],
    };
    const expected = ['municipality,month,goal,scope,target,passive'];
    for (const municipality of [101, 147])
      for (const month of ['2023-02', '2023-03'])
        for (const goal of ['offers', 'conversations'])
          for (const scope of MEASURE_SCOPES) {
            const [target, passive] = cells[`${municipality} ${goal} ${scope}`] ?? [0, 0];
            expected.push(`${municipality},${month},${goal},${scope},${target},${passive}`);
          }
    expect(await readFile(join(root, 'out', 'focus_measures.csv'), 'utf8')).toBe(
      `${expected.join('\n')}\n`,
    );
    const national = await readFile(join(root, 'out', 'national_focus_measures.csv'), 'utf8');
    expect(national).toContain('\n2023-03,offers,all,2,1,50\n');
    expect(national).toContain('\n2023-03,conversations,uddannelseshjaelp,0,0,\n');
  });

  it('finds a load by id or as "current" under the data directory', async () => {
    const data = join(root, 'data');
    const { id } = await loadRecords(data, FIXTURE_PERSONS, {
      municipalities: FIXTURE_MUNICIPALITIES,
      dataUntil: '2023-03',
    });
    for (const load of [id, 'current']) {
      const result = await runCli(
        ['measure', '--load', load, '--from', '2023-03', '--to', '2023-03', '--out', `out-${load}`],
        { cwd: root, env: { TILSYN_DATA_DIR: data } },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`fra indlæsning ${id}`);
    }
  });

  it('measures a folder of raw files directly: validated like tilsyn load, stored only for the run', async () => {
    const raw = join(root, 'raw');
    await mkdir(raw);
    await writeRawFiles(raw, FIXTURE_PERSONS, {
      municipalities: FIXTURE_MUNICIPALITIES,
      dataUntil: '2023-03',
    });
    const data = join(root, 'untouched-data');
    const result = await runCli(
      ['measure', '--load', 'raw', '--from', '2023-02', '--to', '2023-03', '--out', 'out-raw'],
      { cwd: root, env: { TILSYN_DATA_DIR: data } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(root, 'out-raw', 'focus_measures.csv'), 'utf8')).toBe(
      await readFile(join(root, 'out', 'focus_measures.csv'), 'utf8'),
    );
    await expect(readdir(data)).rejects.toThrow();
  });

  it('refuses a folder of raw files with bad rows, naming file, line and column', async () => {
    const raw = join(root, 'raw-bad');
    await mkdir(raw);
    await writeRawFiles(raw, FIXTURE_PERSONS, {
      municipalities: FIXTURE_MUNICIPALITIES,
      dataUntil: '2023-03',
    });
    const periods = join(raw, 'benefit_periods.csv');
    await writeFile(
      periods,
      `${await readFile(periods, 'utf8')}Z-extra,101,kontanthjaelp,2023-02-30,\n`,
    );
    const result = await runCli(
      ['measure', '--load', 'raw-bad', '--from', '2023-02', '--to', '2023-03', '--out', 'never'],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /benefit_periods\.csv, linje \d+, kolonne "from" \(værdi "2023-02-30"\)/,
    );
  });

  it('refuses a load that does not exist, with exit code 2', async () => {
    const result = await runCli(
      ['measure', '--load', 'no-such-load', '--from', '2023-01', '--to', '2023-02', '--out', 'x'],
      { cwd: root, env: { TILSYN_DATA_DIR: join(root, 'data') } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-load: ingen indlæsning med dette id eller sti');
  });

  it('refuses a month range that ends before it starts', async () => {
    const result = await runCli(
      ['measure', '--load', load, '--from', '2023-03', '--to', '2023-02', '--out', 'x'],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Fejl: --to (2023-02) ligger før --from (2023-03)\nSe "tilsyn measure --help".\n',
    );
  });
});

describe('tilsyn explain', () => {
  it('explains in Danish why a person is in the target group and passive for offers', async () => {
    const result = await runCli(
      ['explain', '--load', load, '--person', 'A-kontant', '--month', '2023-03'],
      { cwd: root },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toContain(
      'Forklaring for 2023-03: opgørelsesdato R = 31. marts 2023, regelversion v2023',
    );
    // 2022: 365 days, 2023 January–March: 90 days.
    expect(text).toContain(
      'Varighed (tællende dage): 455 — kræver mindst 365, jf. bek. nr. 301 af 20/03/2023 § 5, nr. 1',
    );
    // W = the 455 − 365 + 1 = 91st countable day = 1 April 2022.
    expect(text).toContain('Vindue [W, R]: 1. april 2022 – 31. marts 2023');
    expect(text).toContain('Talte samtaler i vinduet: 4 → ikke passiv for samtaler');
    expect(text).toContain('2022-05: 50,00');
    expect(text).toContain('I alt 50,00 timer — under grænsen');
    expect(text).toContain('→ PASSIV for tilbud (intet tilbud og for få timer)');
  });

  it('gives the same explanation as JSON', async () => {
    const result = await runCli(
      ['explain', '--load', load, '--person', 'B-dagpenge', '--month', '2023-02', '--json'],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    const explanation = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(explanation).toMatchObject({
      month: '2023-02',
      ruleVersion: 'v2021',
      municipality: 147,
      benefit: 'dagpenge',
      targetGroup: 'in_target_group',
      conversationsCounted: 2,
      passiveForConversations: true,
      offerCounted: true,
      passiveForOffers: false,
    });
  });

  it('does not echo the person id when the person is unknown', async () => {
    const result = await runCli(
      ['explain', '--load', load, '--person', 'secret-id', '--month', '2023-02'],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('den angivne person (--person) findes ikke i indlæsningen');
    expect(result.stderr).not.toContain('secret-id');
  });
});
