/**
 * `tilsyn measure` writes minimum_requirements.csv: the minimum requirements
 * under administration (bek. nr. 301 § 12, stk. 1, nr. 1) for every
 * municipality and month, worked by hand on a few persons of Københavns
 * Kommune (101) in June and July 2024 (bek. nr. 301: 70 % offers, 80 %
 * conversations; the offers goal's hours threshold is 100).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { openLoad } from '../../src/loading/load-catalog.js';
import { assessmentInputsOfLoad } from '../../src/pipeline/assessment-inputs-of-load.js';
import type { PersonRecords } from '../support/load-records.js';
import { runCli } from '../support/run-cli.js';
import { writeLoadStore } from '../support/write-load-store.js';

const FOUR_CONVERSATIONS = [
  { date: '2023-09-01' },
  { date: '2023-12-01' },
  { date: '2024-03-01' },
  { date: '2024-06-01' },
];

const PERSONS: readonly PersonRecords[] = [
  {
    // Kontanthjælp since 2023-01-01 (547 countable days on 30 June 2024): in the group. A
    // virksomhedspraktik in February 2024 and no hours: meets the offers requirement only
    // through the offer; four conversations: meets the conversations requirement.
    id: 'P1-offer',
    periods: [{ benefit: 'kontanthjaelp', from: '2023-01-01' }],
    offers: [{ type: 'virksomhedspraktik', from: '2024-02-01', to: '2024-02-28' }],
    conversations: FOUR_CONVERSATIONS,
  },
  {
    // Dagpenge since 2023-01-01: in the group. No offer, 120 hours of ordinary work in March
    // 2024: not passive for the offers goal (100 hours stand in for an offer, § 5, nr. 1), but
    // the requirement has no hours alternative: it fails the offers requirement. Four
    // conversations.
    id: 'P2-hours',
    periods: [{ benefit: 'dagpenge', from: '2023-01-01' }],
    workHours: [{ month: '2024-03', hours: 120 }],
    conversations: FOUR_CONVERSATIONS,
  },
  {
    // Dagpenge since 2023-01-01 with barsel (a dead period) 1 June – 30 November 2023, 183
    // days: 364 countable days on 30 June 2024 — not yet in the group; 395 on 31 July 2024 —
    // in it. The dead days push the window back: W is the spell's 31st countable day, 31
    // January 2023, so the offer of May 2023 still counts in July. No conversations.
    id: 'P3-dead',
    periods: [{ benefit: 'dagpenge', from: '2023-01-01' }],
    exemptions: [{ reason: 'barsel', from: '2023-06-01', to: '2023-11-30' }],
    offers: [{ type: 'loentilskud', from: '2023-05-01', to: '2023-05-31' }],
  },
  {
    // Kontanthjælp since 2023-01-01, exempt (illness) for the whole spell: at least 50 % of it,
    // so out of the group — and out of both requirements — whatever its effort.
    id: 'P4-exempt',
    periods: [{ benefit: 'kontanthjaelp', from: '2023-01-01' }],
    exemptions: [{ reason: 'sygdom', from: '2023-01-01' }],
  },
  {
    // Uddannelseshjælp since 2023-01-01: in the group; no offer, no hours, two conversations:
    // meets neither requirement.
    id: 'P5-none',
    periods: [{ benefit: 'uddannelseshjaelp', from: '2023-01-01' }],
    conversations: [{ date: '2024-01-10' }, { date: '2024-05-10' }],
  },
];

let root = '';
let load = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-cli-minimum-'));
  load = join(root, 'load');
  await writeLoadStore(load, PERSONS, { municipalities: [101, 147], dataUntil: '2024-07' });
  const result = await runCli(
    ['measure', '--load', load, '--from', '2024-06', '--to', '2024-07', '--out', 'out'],
    { cwd: root },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const file = (name: string) => readFile(join(root, 'out', name), 'utf8');

describe('minimum_requirements.csv', () => {
  it('has a row per municipality, month and requirement, worked by hand', async () => {
    expect(await file('minimum_requirements.csv')).toBe(
      [
        'municipality,month,requirement,target,met,share,required,fulfilled',
        // June: P1, P2, P5 in the group. Offers: P1 only (P2's hours do not count) → 1 of 3.
        // Conversations: P1 and P2 → 2 of 3.
        `101,2024-06,offers,3,1,${String((1 / 3) * 100)},70,false`,
        `101,2024-06,conversations,3,2,${String((2 / 3) * 100)},80,false`,
        // July: P3 joins. Offers: P1 and P3 (the offer before the barsel is in the window) → 2
        // of 4; conversations: P1 and P2 → 2 of 4.
        '101,2024-07,offers,4,2,50,70,false',
        '101,2024-07,conversations,4,2,50,80,false',
        // 147 has no one: an empty group fulfils the requirement, with no share.
        '147,2024-06,offers,0,0,,70,true',
        '147,2024-06,conversations,0,0,,80,true',
        '147,2024-07,offers,0,0,,70,true',
        '147,2024-07,conversations,0,0,,80,true',
        '',
      ].join('\n'),
    );
  });

  it('counts the same group as the focus goals; the offers goal counts P2 as active through the hours, the requirement does not', async () => {
    const focus = (await file('focus_measures.csv'))
      .split('\n')
      .filter((line) => line.startsWith('101,2024-06,') && line.includes(',all,'));
    // target 3; passive for offers: P5 only (P2 has 120 hours); for conversations: P5.
    expect(focus).toEqual(['101,2024-06,offers,all,3,1', '101,2024-06,conversations,all,3,1']);
  });

  it('records the percentages in force each month with their § in measure_run.json', async () => {
    const run = JSON.parse(await file('measure_run.json')) as {
      monthRules: { month: string; minimumRequirements: unknown }[];
    };
    expect(run.monthRules.map((month) => [month.month, month.minimumRequirements])).toEqual([
      [
        '2024-06',
        {
          offers: { percent: 70, legalBasis: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1' },
          conversations: {
            percent: 80,
            legalBasis: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
          },
        },
      ],
      [
        '2024-07',
        {
          offers: { percent: 70, legalBasis: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1' },
          conversations: {
            percent: 80,
            legalBasis: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
          },
        },
      ],
    ]);
  });
});

describe('assess --load', () => {
  it('gives the assessment the same counts as minimum_requirements.csv', async () => {
    const { inputs } = await assessmentInputsOfLoad({
      load: await openLoad(root, load),
      fromYear: 2024,
      toYear: 2024,
      municipalities: [101, 147],
      rules: OFFICIAL_RULES,
      months: { from: yearMonth('2024-06'), to: yearMonth('2024-07') },
      ratesYears: [],
    });
    const counts = inputs.minimumRequirements;
    expect(counts?.get(101, yearMonth('2024-06'), 'offers')).toEqual({ target: 3, met: 1 });
    expect(counts?.get(101, yearMonth('2024-07'), 'conversations')).toEqual({ target: 4, met: 2 });
    expect(counts?.get(147, yearMonth('2024-07'), 'offers')).toEqual({ target: 0, met: 0 });
  });
});
