/**
 * Every rule value the engine, the assessment and the lifecycle read comes
 * from the rule tree, through the rule book they are given — none from
 * anywhere else (issue 8, part 1).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExpectedRates } from '../../../src/inputs/read-official-figures.js';
import { readFocusMeasures } from '../../../src/inputs/read-focus-measures.js';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { lastDayOf, yearMonth } from '../../../src/core/calendar/year-month.js';
import { drawCaseSample } from '../../../src/core/case-sample/draw-case-sample.js';
import { assessYear } from '../../../src/core/assessment/annual-assessment.js';
import { NO_BASELINE } from '../../../src/core/assessment/case-state.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { monthsOf, rateOf } from '../../support/aggregates.js';
import { goalsMissedAtAssessment } from '../../../src/core/case-sample/missed-benefits.js';
import { inviteToMeeting } from '../../../src/core/lifecycle/meeting-invitation.js';
import { runAssessments } from '../../../src/core/lifecycle/run-assessments.js';
import { earlyEffortAlertRules } from '../../../src/core/measures/early-effort-alerts.js';
import { explainPerson } from '../../../src/core/measures/explanation.js';
import { explanationText } from '../../../src/core/measures/explanation-text.js';
import { buildLoadColumns } from '../../support/load-records.js';
import { riskView } from '../../../src/core/risk/risk-view.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import type { RuleId } from '../../../src/core/rules/rule-book.js';
import { rulesForAssessment } from '../../../src/core/rules/rules-in-force.js';
import { runMeasures } from '../../../src/measuring/run-measures.js';
import { readMunicipalities } from '../../../src/reference/municipalities.js';
import { FIXTURE_MUNICIPALITIES, FIXTURE_PERSONS } from '../../support/measure-fixture.js';
import { recordingRuleBook } from '../../support/recording-rule-book.js';
import { writeLoadStore } from '../../support/write-load-store.js';

/**
 * Nodes no computation reads yet, each with the reason. A node added to the
 * tree without a reader must be listed here — or read.
 */
const CITED_ONLY: Readonly<Partial<Record<RuleId, string>>> = {
  'decisions.notice': 'the notice deadline cites the deadlines.notice.* nodes',
  'decisions.account': 'the account deadline cites deadlines.account_due_months',
  'decisions.assistance': 'a duty with no date: listed with its § only',
  'decisions.passive_case_review': 'the review deadline cites deadlines.case_review_due_months',
};

let root = '';
let folder = '';
const read = new Set<RuleId>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-book-'));
  folder = join(root, 'load');
  await writeLoadStore(folder, FIXTURE_PERSONS, { municipalities: [...FIXTURE_MUNICIPALITIES] });
  const rules = recordingRuleBook(OFFICIAL_RULES, read);

  // The engine: a measure run over 2019–2025 (the months of 2019 under the first
  // rules), on two worker threads, and the early-effort alert rule.
  const run = await runMeasures({
    folder,
    from: yearMonth('2019-06'),
    to: yearMonth('2025-12'),
    rules,
    workers: 2,
  });
  earlyEffortAlertRules(rules, lastDayOf(run.context.lastMonth));
  // The explanations, for every person of the load, in Danish.
  const columns = buildLoadColumns(FIXTURE_PERSONS);
  for (let person = 0; person < columns.personCount; person += 1)
    for (const month of ['2022-12', '2023-06'])
      explanationText(
        rules,
        explainPerson(rules, columns, person, yearMonth(month), [...FIXTURE_MUNICIPALITIES]),
      );

  // The assessment and the lifecycle: 2020–2025 on the example aggregates, which
  // hold every decision, and the risk view, meetings and the § 8 sample.
  const known = new Set((await readMunicipalities()).map((municipality) => municipality.code));
  const aggregates = await readFocusMeasures(
    'examples/aggregates/focus_measures.csv',
    'focus_measures.csv',
    known,
  );
  const inputs = {
    municipalities: [...known].sort((a, b) => a - b),
    aggregates,
    rates: await readExpectedRates(
      'examples/aggregates/expected_rates.csv',
      'expected_rates.csv',
      known,
    ),
  };
  runAssessments(rules, 2020, 2025, inputs);
  // A supervised municipality whose conversations goal is not measured: "kræver vurdering".
  assessYear(
    rules,
    2024,
    {
      municipalities: [101],
      aggregates: new MonthlyAggregates([
        ...monthsOf(101, 'offers', '2024-01', '2024-12', () => ({ target: 100, passive: 10 })),
        ...monthsOf(101, 'conversations', '2024-01', '2024-12', () => ({ target: 0, passive: 0 })),
      ]),
      rates: new ExpectedRates([rateOf(101, 2024, 1)]),
    },
    new Map([[101, { status: 'supervised', selectedYear: 2023, baseline: NO_BASELINE }]]),
  );
  for (const month of ['2021-06', '2023-02', '2024-12']) riskView(rules, yearMonth(month), inputs);
  inviteToMeeting(rules, 101, isoDate('2022-08-01'), isoDate('2022-08-08'));
  inviteToMeeting(rules, 101, isoDate('2024-08-01'), isoDate('2024-08-08'));
  goalsMissedAtAssessment(rules, aggregates, 360, 2021);
  drawCaseSample({
    municipality: 360,
    assessmentYear: 2021,
    rules: rulesForAssessment(rules, 2021),
    benefits: ['dagpenge'],
    goals: ['conversations'],
    persons: [{ personId: 'a', benefit: 'dagpenge', passive: true }],
    seed: 1,
  });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('every rule value is read from the tree, through the book', () => {
  it('a measurement, explanations, assessments 2020–2025, risk views, meetings and a sample read every node of the tree but those only cited', () => {
    const unread = OFFICIAL_RULES.ids.filter((id) => !read.has(id));
    expect(unread.sort()).toEqual(Object.keys(CITED_ONLY).sort());
  });

  it('what they read is in the tree (the book knows no other ids)', () => {
    for (const id of read) expect(OFFICIAL_RULES.ids).toContain(id);
  });
});

/** Every `.ts` file under `directory`. */
async function sources(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('nothing outside src/core/rules takes a rule value except through a book', () => {
  /** The files that may read the tree itself: the book, the official book and the tree. */
  const TREE_READERS = [
    'src/core/rules/rule-tree.ts',
    'src/core/rules/rule-book.ts',
    'src/core/rules/official-rules.ts',
  ];

  it('no file of src/ or scripts/ but the book imports the tree or its area files', async () => {
    const offenders: string[] = [];
    for (const file of [...(await sources('src')), ...(await sources('scripts'))]) {
      const path = relative('.', file);
      if (TREE_READERS.includes(path)) continue;
      const text = await readFile(file, 'utf8');
      if (/from '[^']*(\/tree\/[^']*|\/rule-tree)\.js'/.test(text)) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });

  it('no file keeps dated parameters of its own (the old defineParameter / valueOn)', async () => {
    const offenders: string[] = [];
    for (const file of [...(await sources('src')), ...(await sources('scripts'))]) {
      const text = await readFile(file, 'utf8');
      if (/\b(defineParameter|valueOn|entryOn)\(/.test(text)) offenders.push(relative('.', file));
    }
    expect(offenders).toEqual([]);
  });
});
