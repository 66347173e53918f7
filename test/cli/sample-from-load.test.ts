/**
 * The § 8 case sample (bek. nr. 1409, the 2019 rules) from a load, end to
 * end: `tilsyn load` (CPR numbers in the raw files, pseudonymised) →
 * `tilsyn measure --persons` (the target group at 31 December 2021, person
 * by person) → `tilsyn sample --persons --focus` (the focus file of the same
 * run says which benefits missed the goal).
 *
 * Københavns Kommune (101), everyone on benefits since 1 June 2019:
 * 24 on kontanthjælp without conversations (passive for conversations),
 * 26 on kontanthjælp with a jobsamtale every month, 20 on dagpenge with a
 * jobsamtale every month. Conversations goal in 2021 (the only goal that can
 * ground the selection of 2021): 24 of 70 passive every month = 34,3 % ≥
 * 20 % → missed; kontanthjælp 24 of 50 = 48 % (missed), dagpenge 0 % (met).
 * The sample: kontanthjælp only, max(20, ⌈15 % × 50⌉) = 20 cases, in
 * proportion 24 : 26 → 10 passive (9,6 rounds up by largest remainder, tie
 * to the passive) and 10 not.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthRange, yearMonth } from '../../src/core/calendar/year-month.js';
import type { PersonRecords } from '../support/load-records.js';
import { runCli } from '../support/run-cli.js';
import { writeRawFiles } from '../support/write-load-store.js';

const KEY = '5d0e8b2f91c4a7366e1b0f2d84c9a5e37f60b1d28e4c93a5f0172d6be8c4a39f';
const MONTHLY = monthRange(yearMonth('2019-06'), yearMonth('2021-12')).map((month) => ({
  date: `${month}-15`,
}));

/** A CPR number (valid date) for person `index`: 1 January 1980, serial 1000 + index. */
const cpr = (index: number) => `010180${1000 + index}`;

const PERSONS: readonly PersonRecords[] = Array.from({ length: 70 }, (_, index) => ({
  id: cpr(index),
  periods: [
    {
      municipality: 101,
      benefit: index < 50 ? ('kontanthjaelp' as const) : ('dagpenge' as const),
      from: '2019-06-01',
    },
  ],
  conversations: index < 24 ? [] : MONTHLY,
}));

let root = '';
const env = { TILSYN_PSEUDONYM_KEY: KEY };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-cli-sample-load-'));
  await mkdir(join(root, 'raw'));
  await writeRawFiles(join(root, 'raw'), PERSONS, { municipalities: [101, 147] });
  expect((await runCli(['load', 'raw', '--data-dir', 'data'], { cwd: root, env })).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the § 8 sample from a load', () => {
  it('measure --persons writes the target group at the month, the persons file tilsyn sample reads', async () => {
    const measured = await runCli(
      [
        'measure',
        '--load',
        'current',
        '--data-dir',
        'data',
        '--from',
        '2021-01',
        '--to',
        '2021-12',
        '--out',
        'measures',
        '--persons',
        'persons.csv',
      ],
      { cwd: root, env },
    );
    expect(measured.stderr).toBe('');
    expect(measured.code).toBe(0);
    expect(measured.stdout).toContain(
      'Målgruppen person for person (2021-12): 70 personer i persons.csv',
    );
    const lines = (await readFile(join(root, 'persons.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('person_id,municipality,benefit,passive_offers,passive_conversations');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(70);
    const count = (benefit: string, passiveConversations: string) =>
      rows.filter((row) => row[2] === benefit && row[4] === passiveConversations).length;
    expect([count('kontanthjaelp', 'true'), count('kontanthjaelp', 'false')]).toEqual([24, 26]);
    expect([count('dagpenge', 'true'), count('dagpenge', 'false')]).toEqual([0, 20]);
    // No offers and no hours: everyone is passive for the offers goal.
    expect(rows.every((row) => row[1] === '101' && row[3] === 'true')).toBe(true);
    // The persons file agrees with the December measures of the same run.
    const focus = (await readFile(join(root, 'measures', 'focus_measures.csv'), 'utf8')).split(
      '\n',
    );
    expect(focus).toContain('101,2021-12,conversations,kontanthjaelp,50,24');
    expect(focus).toContain('101,2021-12,conversations,dagpenge,20,0');
  });

  it('tilsyn sample draws from it: kontanthjælp only, 10 passive and 10 not', async () => {
    const result = await runCli(
      [
        'sample',
        '--persons',
        'persons.csv',
        '--focus',
        'measures/focus_measures.csv',
        '--municipality',
        '101',
        '--year',
        '2021',
        '--seed',
        '7',
        '--out',
        'sample.json',
      ],
      { cwd: root, env },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const sample = JSON.parse(await readFile(join(root, 'sample.json'), 'utf8')) as {
      ruleVersion: string;
      goals: string[];
      strata: {
        benefit: string;
        population: number;
        passive: number;
        passiveDrawn: number;
        nonPassiveDrawn: number;
      }[];
      total: number;
      cases: { personId: string; benefit: string }[];
    };
    expect(sample.ruleVersion).toBe('v2021');
    expect(sample.goals).toEqual(['conversations']);
    expect(sample.strata).toMatchObject([
      {
        benefit: 'kontanthjaelp',
        population: 50,
        passive: 24,
        passiveDrawn: 10,
        nonPassiveDrawn: 10,
      },
    ]);
    expect(sample.total).toBe(20);
    const persons = (await readFile(join(root, 'persons.csv'), 'utf8')).split('\n');
    for (const drawn of sample.cases) {
      expect(drawn.personId).toMatch(/^[0-9a-f]{64}$/);
      expect(persons.some((line) => line.startsWith(`${drawn.personId},101,kontanthjaelp,`))).toBe(
        true,
      );
    }
  });

  it('no CPR number in the persons file, the measures or the sample', async () => {
    const outputs = (
      await Promise.all(
        [
          'persons.csv',
          'sample.json',
          'measures/focus_measures.csv',
          'measures/measure_run.json',
        ].map((name) => readFile(join(root, name), 'utf8')),
      )
    ).join('\n');
    for (let index = 0; index < 70; index += 1) expect(outputs).not.toContain(cpr(index));
  });

  it('--persons-month outside the months measured is refused', async () => {
    const result = await runCli(
      [
        'measure',
        '--load',
        'current',
        '--data-dir',
        'data',
        '--from',
        '2021-01',
        '--to',
        '2021-12',
        '--out',
        'other',
        '--persons',
        'p.csv',
        '--persons-month',
        '2022-01',
      ],
      { cwd: root, env },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--persons-month 2022-01 ligger uden for --from 2021-01 … --to 2021-12',
    );
  });
});
