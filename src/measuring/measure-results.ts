/**
 * The results of one measurement run as the rest of the system reads them:
 * the monthly focus-goal aggregates (the `focus_measures` rows) and the actual
 * benefit rates. `tilsyn measure` writes them as files; `tilsyn benchmark` and
 * `tilsyn assess --load` use them directly, so the numbers are the same.
 */
import { fromMonthIndex } from '../core/calendar/year-month.js';
import {
  groupBenchmarkMeasures,
  isBenchmarkMeasure,
  type BenchmarkMeasure,
  type BenchmarkMeasureValues,
} from '../core/benchmark/benchmark-measures.js';
import { FOCUS_GOALS } from '../core/domain/focus-goal.js';
import {
  BENEFIT_GROUP_OF,
  BENEFIT_TYPES,
  isBenefitGroup,
  isBenefitType,
  type BenefitGroup,
} from '../core/domain/benefit-type.js';
import {
  EARLY_CONVERSATIONS_UNMET,
  EARLY_COHORT,
  EARLY_OFFER_UNMET,
  earlyEffortOf,
} from '../core/measures/early-effort.js';
import type { MeasureContext } from '../core/measures/measure-context.js';
import type { MonthlyAggregate } from '../core/focus-measures/monthly-aggregates.js';
import { benefitRates, type BenefitRate } from '../core/measures/benefit-rate.js';
import {
  benchmarkOf,
  companyBaseField,
  companyField,
  DURATION_COUNT,
  DURATION_SUM,
  exitCohortField,
  exitToWorkField,
  passiveBaseField,
  passiveField,
} from '../core/measures/benchmark-measures.js';
import {
  CONVERSATIONS_GOAL,
  focusNoOfferOf,
  focusPassiveOf,
  focusTargetOf,
  passiveShare,
} from '../core/measures/monthly-aggregation.js';
import { scopeIndex } from '../core/measures/measure-context.js';
import {
  MINIMUM_REQUIREMENTS,
  judgeMinimumRequirement,
  type MinimumRequirementFigure,
  type MinimumRequirementRow,
} from '../core/administration/minimum-requirements.js';
import type { MeasureScope } from '../core/domain/measure-scope.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import { residentsKey } from './read-load-columns.js';
import type { MeasureRunResult } from './run-measures.js';

/** One aggregate per municipality, month, goal and scope, in that order. */
export function monthlyAggregatesOf(run: MeasureRunResult): MonthlyAggregate[] {
  const { context, accumulators } = run;
  const rows: MonthlyAggregate[] = [];
  context.municipalities.forEach((code, municipality) => {
    for (let month = 0; month < context.monthCount; month += 1) {
      const label = fromMonthIndex(context.firstMonthIndex + month);
      FOCUS_GOALS.forEach((goal, goalIndex) => {
        context.scopes.forEach((scope, scopeNumber) => {
          const cell = { municipality, monthOffset: month, scope: scopeNumber };
          rows.push({
            municipality: code,
            month: label,
            goal,
            scope,
            target: focusTargetOf(accumulators, context, cell),
            passive: focusPassiveOf(accumulators, context, cell, goalIndex),
          });
        });
      });
    }
  });
  return rows;
}

/**
 * The counts of both minimum requirements under administration (bek. nr.
 * 301 § 12, stk. 1, nr. 1) for every municipality and month of the run, in
 * that order: the focus goals' whole target group (scope `all`); offers met
 * by a counted offer in the window (no hours alternative), conversations as
 * the conversations goal counts them.
 */
export function minimumRequirementRowsOf(run: MeasureRunResult): MinimumRequirementRow[] {
  const { context, accumulators } = run;
  const all = scopeIndex('all');
  const rows: MinimumRequirementRow[] = [];
  context.municipalities.forEach((code, municipality) => {
    for (let month = 0; month < context.monthCount; month += 1) {
      const cell = { municipality, monthOffset: month, scope: all };
      const target = focusTargetOf(accumulators, context, cell);
      const label = fromMonthIndex(context.firstMonthIndex + month);
      for (const requirement of MINIMUM_REQUIREMENTS) {
        const unmet =
          requirement === 'offers'
            ? focusNoOfferOf(accumulators, context, cell)
            : focusPassiveOf(accumulators, context, cell, CONVERSATIONS_GOAL);
        rows.push({ municipality: code, month: label, requirement, target, met: target - unmet });
      }
    }
  });
  return rows;
}

/** The minimum requirements of the run, judged by the rules it was measured under. */
export function minimumRequirementsOf(run: MeasureRunResult): MinimumRequirementFigure[] {
  return minimumRequirementRowsOf(run).map((row) => judgeMinimumRequirement(run.rules, row, row));
}

/** The actual benefit rate of every municipality and measured period (measures.md § 7). */
export function benefitRatesOf(run: MeasureRunResult): BenefitRate[] {
  return benefitRates(run.accumulators, run.context, (municipality, year) =>
    run.residents.get(residentsKey(municipality, year)),
  );
}

/** A count and the share it makes of its base (undefined when the base is 0). */
export interface CountShare {
  readonly base: number;
  readonly count: number;
  readonly share: number | undefined;
}

/** The benchmark measures (measures.md § 9) of one municipality, month and scope. */
export interface BenchmarkRecord {
  readonly municipality: number;
  readonly month: YearMonth;
  readonly scope: MeasureScope;
  readonly spellsEnded: number;
  /** Mean duration, in countable days, of the spells that ended in the month. */
  readonly meanDurationDays: number | undefined;
  /** Exit to work, per horizon of `exitHorizonsMonths` (M13). */
  readonly exitToWork: readonly CountShare[];
  /** Passive, per lookback of `passiveLookbackDays`. */
  readonly passive: readonly CountShare[];
  /** Company-directed effort: of the target group, those with a company-directed offer in the window. */
  readonly companyDirected: CountShare;
}

/** Every municipality, month and scope's benchmark measures, in that order. */
export function benchmarkRecordsOf(run: MeasureRunResult): BenchmarkRecord[] {
  const { context, accumulators } = run;
  const countShare = (count: number, base: number): CountShare => ({
    base,
    count,
    share: passiveShare(count, base),
  });
  const records: BenchmarkRecord[] = [];
  context.municipalities.forEach((code, municipality) => {
    for (let month = 0; month < context.monthCount; month += 1) {
      context.scopes.forEach((scope, scopeNumber) => {
        const cell = { municipality, monthOffset: month, scope: scopeNumber };
        const value = (field: number) => benchmarkOf(accumulators, context, cell, field);
        const ended = value(DURATION_COUNT);
        records.push({
          municipality: code,
          month: fromMonthIndex(context.firstMonthIndex + month),
          scope,
          spellsEnded: ended,
          meanDurationDays: ended === 0 ? undefined : value(DURATION_SUM) / ended,
          exitToWork: context.benchmark.exitHorizonsMonths.map((_, index) =>
            countShare(value(exitToWorkField(index)), value(exitCohortField(index))),
          ),
          passive: context.benchmark.passiveLookbackDays.map((_, index) =>
            countShare(
              value(passiveField(context, index)),
              value(passiveBaseField(context, index)),
            ),
          ),
          companyDirected: countShare(
            value(companyField(context)),
            value(companyBaseField(context)),
          ),
        });
      });
    }
  });
  return records;
}

/** The benchmark measures of a measurement run, ready to rank. */
export function benchmarkMeasureValuesOf(
  records: readonly BenchmarkRecord[],
  exitHorizonsMonths: readonly number[],
  passiveLookbackDays: readonly number[],
): BenchmarkMeasureValues[] {
  return groupBenchmarkMeasures(
    records.map((record) => {
      const values: Partial<Record<BenchmarkMeasure, number | undefined>> = {
        duration: record.meanDurationDays,
        company_directed_effort: record.companyDirected.share,
      };
      exitHorizonsMonths.forEach((months, index) => {
        const measure = `exit_to_work_${months}`;
        if (isBenchmarkMeasure(measure)) values[measure] = record.exitToWork[index]?.share;
      });
      passiveLookbackDays.forEach((days, index) => {
        const measure = `passive_${Math.round((days * 12) / 365)}`;
        if (isBenchmarkMeasure(measure)) values[measure] = record.passive[index]?.share;
      });
      return { ...record, values };
    }),
  );
}

/** The scopes of the early effort: all, the groups and the types it follows. */
export function earlyEffortScopes(context: MeasureContext): MeasureScope[] {
  const types = BENEFIT_TYPES.filter(
    (_, index) => ((1 << index) & context.earlyEffortTypeMask) !== 0,
  );
  const groups = [...new Set(types.map((type) => BENEFIT_GROUP_OF[type]))];
  return context.scopes.filter(
    (scope) =>
      scope === 'all' ||
      (isBenefitType(scope) ? types.includes(scope) : groups.some((group) => group === scope)),
  );
}

/** The early effort of one municipality, month and benefit group (measures.md M11–M12). */
export interface EarlyEffortFigure {
  readonly municipality: number;
  readonly month: YearMonth;
  readonly group: BenefitGroup;
  /** Spells reaching the period's end in the month. */
  readonly cohort: number;
  /** Of them, fewer job conversations than required. */
  readonly conversationsUnmet: number;
  /** Of them, no counted offer. */
  readonly offerUnmet: number;
}

/**
 * The early effort per municipality, benefit group (the groups the alert
 * rule follows, regime.md § 6) and month of the run, in that order: what
 * `early_effort.csv` holds for the groups, as figures.
 */
export function earlyEffortFiguresOf(run: MeasureRunResult): EarlyEffortFigure[] {
  const { context, accumulators } = run;
  const groups = earlyEffortScopes(context).filter(isBenefitGroup);
  const rows: EarlyEffortFigure[] = [];
  context.municipalities.forEach((code, municipality) => {
    for (const group of groups) {
      for (let month = 0; month < context.monthCount; month += 1) {
        const cell = { municipality, monthOffset: month, scope: scopeIndex(group) };
        const count = (field: number) => earlyEffortOf(accumulators, context, cell, field);
        rows.push({
          municipality: code,
          month: fromMonthIndex(context.firstMonthIndex + month),
          group,
          cohort: count(EARLY_COHORT),
          conversationsUnmet: count(EARLY_CONVERSATIONS_UNMET),
          offerUnmet: count(EARLY_OFFER_UNMET),
        });
      }
    }
  });
  return rows;
}
