/**
 * The list of all passive cases for the review under administration (bek.
 * nr. 301 § 12, stk. 1, nr. 2; bek. nr. 1409 § 13) from a load: the months
 * the December focus measure averages are measured (to find the goals and
 * the benefit groups that miss them), the municipality's target group is
 * evaluated person by person at 31 December with the same code, and the
 * cases are named by the load's pseudonymised person ids.
 *
 * And the per-person target group at a month for the § 8 sample (`tilsyn
 * measure --persons`), likewise named.
 */
import { assessmentMonth } from '../core/assessment/assessment-inputs.js';
import { passiveCaseList, type PassiveCaseList } from '../core/administration/passive-cases.js';
import {
  benefitsMissingGoals,
  goalsMissedAtAssessment,
  type MissedBenefit,
} from '../core/case-sample/missed-benefits.js';
import type { FocusGoal } from '../core/domain/focus-goal.js';
import { averagingWindow } from '../core/focus-measures/averaging-window.js';
import { MonthlyAggregates } from '../core/focus-measures/monthly-aggregates.js';
import type { TargetGroupMember } from '../core/measures/target-group-persons.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import { rulesForAssessment } from '../core/rules/rules-in-force.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import { UsageError } from '../files/usage-error.js';
import type { OpenedLoad } from '../loading/load-catalog.js';
import { isCprNumber } from '../loading/cpr-number.js';
import { monthlyAggregatesOf } from '../measuring/measure-results.js';
import { openLoadReader } from '../measuring/read-load-columns.js';
import type { MeasureRunResult } from '../measuring/run-measures.js';
import { municipalityNames } from './legal-inputs.js';
import { measureOpenedLoad, withLoad, type LoadSource } from './open-load.js';
import type { TargetGroupPersonRow } from '../reports/target-group-persons-csv.js';

export interface PassiveCasesRequest {
  readonly load: LoadSource;
  readonly municipality: number;
  /** The assessment year: the cases of 31 December of it. */
  readonly year: number;
  readonly workers?: number | undefined;
}

export interface PassiveCasesResult {
  readonly loadId: string;
  readonly list: PassiveCaseList;
  /** The monthly aggregates measured (the December measures the list agrees with). */
  readonly aggregates: MonthlyAggregates;
}

export async function passiveCasesOfLoad(
  request: PassiveCasesRequest,
): Promise<PassiveCasesResult> {
  const { municipality, year } = request;
  const names = await municipalityNames();
  if (!names.known.has(municipality))
    throw new UsageError(`--municipality ${municipality} er ikke en af de 98 kommunekoder`);
  return withLoad(request.load, async (load) => {
    const { run, aggregates, goalsMissed, groups } = await measureAssessment(
      load,
      municipality,
      year,
      request.workers,
    );
    const members = run.targetGroup ?? [];
    const ids = await pseudonymsOf(load.folder, members);
    const list = passiveCaseList({
      municipality,
      year,
      rules: rulesForAssessment(OFFICIAL_RULES, year),
      goalsMissed,
      groups,
      members,
      personIdOf: (person) => {
        const id = ids.get(person);
        if (id === undefined) throw new Error(`No person id for person_key ${person}`);
        return id;
      },
    });
    return { loadId: load.id, list, aggregates };
  });
}

/** What a selection's review starts from, measured from an opened load. */
export interface AssessmentMeasured {
  readonly run: MeasureRunResult;
  /** The monthly aggregates of the months the December focus measures average. */
  readonly aggregates: MonthlyAggregates;
  /** The grounding goals the municipality missed at the assessment of the year. */
  readonly goalsMissed: FocusGoal[];
  /** The listed benefits that missed them. */
  readonly groups: MissedBenefit[];
}

/**
 * Measures the months the December focus measures of `year` average, with
 * the municipality's target group at 31 December person by person, and
 * finds the goals and benefit groups it missed at the assessment: what both
 * the list of all passive cases and the § 8 sample are drawn from.
 */
export async function measureAssessment(
  load: OpenedLoad,
  municipality: number,
  year: number,
  workers: number | undefined,
): Promise<AssessmentMeasured> {
  const december = assessmentMonth(year);
  const window = averagingWindow(OFFICIAL_RULES, december);
  const run = await measureOpenedLoad(load, {
    from: window.months[0] ?? december,
    to: december,
    rules: OFFICIAL_RULES,
    workers,
    targetGroupAt: { month: december, municipality },
  });
  const aggregates = new MonthlyAggregates(monthlyAggregatesOf(run));
  const goalsMissed = goalsMissedAtAssessment(OFFICIAL_RULES, aggregates, municipality, year);
  const groups = benefitsMissingGoals(OFFICIAL_RULES, aggregates, municipality, year, goalsMissed);
  return { run, aggregates, goalsMissed, groups };
}

/**
 * The load's person ids (pseudonyms) of `members`. A load never holds a CPR
 * number as a person id (the loader refuses them without a key and replaces
 * them with keyed hashes with one); should one appear all the same, nothing
 * is written.
 */
async function pseudonymsOf(
  folder: string,
  members: readonly TargetGroupMember[],
): Promise<Map<number, string>> {
  const reader = await openLoadReader(folder);
  try {
    const keys = members.map((member) => member.person);
    const ids = await reader.personIds(keys);
    if (ids.some(isCprNumber))
      throw new Error(
        'The load holds a CPR number as a person id; no list of persons is written from it',
      );
    return new Map(keys.map((key, index) => [key, ids[index] ?? '']));
  } finally {
    reader.close();
  }
}

/**
 * The target group of every municipality at `month` of a finished run,
 * person by person with their pseudonyms (`tilsyn measure --persons`): the
 * run must have been asked for it (`targetGroupAt`).
 */
export async function targetGroupPersonsOf(
  folder: string,
  run: MeasureRunResult,
): Promise<TargetGroupPersonRow[]> {
  const members = run.targetGroup;
  if (members === undefined) throw new Error('The run did not list the target group');
  const ids = await pseudonymsOf(folder, members);
  return members.map((member) => ({ personId: ids.get(member.person) ?? '', member }));
}

/** The month `measure --persons` lists: the one given, or the last month measured. */
export function personsMonth(from: YearMonth, to: YearMonth, given?: YearMonth): YearMonth {
  if (given === undefined) return to;
  if (given < from || given > to)
    throw new UsageError(`--persons-month ${given} ligger uden for --from ${from} … --to ${to}`);
  return given;
}

export interface MonthPersonsRequest {
  readonly municipality: number;
  readonly month: YearMonth;
  readonly workers?: number | undefined;
}

export interface MonthPersons {
  readonly loadId: string;
  /** The target group of the municipality at the month's R, with the load's person ids (pseudonyms). */
  readonly persons: readonly TargetGroupPersonRow[];
}

/**
 * The persons behind one municipality's focus measures of one month: its
 * target group at the month's R, person by person, evaluated by the same
 * code as the monthly counts (so the list adds up to the measure).
 * The caller opens the load and releases it afterwards.
 */
export async function targetGroupOfOpenedLoad(
  load: OpenedLoad,
  request: MonthPersonsRequest,
): Promise<MonthPersons> {
  const run = await measureOpenedLoad(load, {
    from: request.month,
    to: request.month,
    rules: OFFICIAL_RULES,
    workers: request.workers,
    targetGroupAt: { month: request.month, municipality: request.municipality },
  });
  return { loadId: load.id, persons: await targetGroupPersonsOf(load.folder, run) };
}
