/**
 * Writes the results of a measure run as files (CSV with `,` and `.`
 * decimals, written atomically), in a fixed order so that the same load
 * gives byte-identical files on any machine:
 *
 * - `focus_measures.csv` — the aggregated `focus_measures` format of data.md:
 *   one row per municipality × month × goal × scope, rows with target 0 too;
 * - `national_focus_measures.csv` — the national pooled figure per month,
 *   goal and scope (sum of passive over sum of target);
 * - `minimum_requirements.csv` — the minimum requirements under
 *   administration (bek. nr. 301 § 12, stk. 1, nr. 1), for every
 *   municipality and month;
 * - `benefit_rates.csv` — the actual benefit rate (§ 7);
 * - `early_effort.csv` and `early_effort_alerts.csv` (§ 8, regime.md § 6);
 * - `benchmark_measures.csv` (§ 9);
 * - `measure_run.json` — the load, the months, the rule version and values of
 *   each month, every node of the rule tree with its values and sources, the
 *   overrides of a simulation (none for official results), the code version
 *   and the timings (the only part that differs between runs).
 */
import {
  benchmarkRecordsOf,
  benefitRatesOf,
  earlyEffortScopes,
  minimumRequirementsOf,
  monthlyAggregatesOf,
  type CountShare,
} from './measure-results.js';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromMonthIndex, lastDayOf, type YearMonth } from '../core/calendar/year-month.js';
import {
  minimumRequirementRule,
  type MinimumRequirement,
} from '../core/administration/minimum-requirements.js';
import { formatCitation } from '../core/rules/legal-source.js';
import { isBenefitGroup } from '../core/domain/benefit-type.js';
import type { MonthlyAggregate } from '../core/focus-measures/monthly-aggregates.js';
import type { MeasureScope } from '../core/domain/measure-scope.js';
import {
  earlyEffortAlertRules,
  earlyEffortContacts,
  followUpStart,
} from '../core/measures/early-effort-alerts.js';
import {
  EARLY_CONVERSATIONS_UNMET,
  EARLY_COHORT,
  EARLY_OFFER_UNMET,
  earlyEffortOf,
} from '../core/measures/early-effort.js';
import { scopeIndex, type MeasureContext } from '../core/measures/measure-context.js';
import { passiveShare, type MeasureAccumulators } from '../core/measures/monthly-aggregation.js';
import type { RuleBook } from '../core/rules/rule-book.js';
import { overrideRecord, ruleNodeRecords } from '../core/rules/rule-record.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { MeasureRunResult } from './run-measures.js';

export interface WrittenFile {
  readonly name: string;
  readonly rows: number;
  /** The CSV table as written (header and cells), for other forms of the same file (CSV for Excel). */
  readonly table?: { readonly header: readonly string[]; readonly rows: readonly string[][] };
}

export interface MeasureRunRecord {
  readonly loadId: string;
  readonly loadFolder: string;
}

/** A number as written in the files: integers plainly, others in the shortest exact form; undefined empty. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return String(value);
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n';
}

function monthLabel(context: MeasureContext, offset: number): string {
  return fromMonthIndex(context.firstMonthIndex + offset);
}

function monthsLabel(days: number): string {
  return `${Math.round((days * 12) / 365)}m`;
}

/** One measure file: its name, header, rows, and how many leading columns identify a row. */
export interface MeasureTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly string[][];
  /** The leading columns that identify a row (all of them for a file of events). */
  readonly keyColumns: number;
}

/**
 * Writes the measure files of `run` to `outDirectory`, then `measure_run.json`.
 */
export async function writeMeasures(
  outDirectory: string,
  run: MeasureRunResult,
  record: MeasureRunRecord,
): Promise<WrittenFile[]> {
  await mkdir(outDirectory, { recursive: true });
  const written: WrittenFile[] = [];
  for (const table of measureTables(run)) {
    await writeFileAtomic(join(outDirectory, table.name), csv(table.header, table.rows));
    written.push({
      name: table.name,
      rows: table.rows.length,
      table: { header: table.header, rows: table.rows },
    });
  }
  const runRecord = await runRecordJson(run, record, written);
  await writeFileAtomic(join(outDirectory, 'measure_run.json'), runRecord);
  written.push({ name: 'measure_run.json', rows: 1 });
  return written;
}

/** The measure files of `run`, in the order they are written, as rows of text. */
export function measureTables(run: MeasureRunResult): MeasureTable[] {
  const { context, accumulators } = run;
  const aggregates = monthlyAggregatesOf(run);
  const tables: MeasureTable[] = [];
  const write = (
    name: string,
    header: readonly string[],
    rows: string[][],
    keyColumns = header.length,
  ) => {
    tables.push({ name, header, rows, keyColumns });
  };

  write(
    'focus_measures.csv',
    ['municipality', 'month', 'goal', 'scope', 'target', 'passive'],
    aggregates.map((row) => [
      String(row.municipality),
      row.month,
      row.goal,
      row.scope,
      String(row.target),
      String(row.passive),
    ]),
    4,
  );
  write(
    'national_focus_measures.csv',
    ['month', 'goal', 'scope', 'target', 'passive', 'share'],
    nationalRows(aggregates),
    3,
  );
  write(
    'minimum_requirements.csv',
    ['municipality', 'month', 'requirement', 'target', 'met', 'share', 'required', 'fulfilled'],
    minimumRequirementsOf(run).map((figure) => [
      String(figure.municipality),
      figure.month,
      figure.requirement,
      String(figure.target),
      String(figure.met),
      formatNumber(figure.share),
      formatNumber(figure.required),
      String(figure.fulfilled),
    ]),
    3,
  );
  write(
    'benefit_rates.csv',
    [
      'municipality',
      'period',
      'benefit_days',
      'days_in_period',
      'full_time_persons',
      'residents_16_66',
      'actual_share',
    ],
    benefitRatesOf(run).map((rate) => [
      String(rate.municipality),
      rate.period.label,
      formatNumber(rate.benefitDays),
      String(rate.daysInPeriod),
      formatNumber(rate.fullTimePersons),
      formatNumber(rate.residents),
      formatNumber(rate.actualShare),
    ]),
    2,
  );
  const early = earlyEffortScopes(context);
  write(
    'early_effort.csv',
    [
      'municipality',
      'month',
      'scope',
      'cohort',
      'conversations_unmet',
      'offer_unmet',
      'conversations_unmet_share',
      'offer_unmet_share',
    ],
    earlyEffortRows(context, accumulators, early),
    3,
  );
  write(
    'early_effort_alerts.csv',
    [
      'rule_set',
      'municipality',
      'scope',
      'requirement',
      'contact_month',
      'check_month',
      'account_required',
    ],
    alertRows(run.rules, context, accumulators, early),
  );
  const horizons = context.benchmark.exitHorizonsMonths;
  const lookbacks = context.benchmark.passiveLookbackDays;
  write(
    'benchmark_measures.csv',
    [
      'municipality',
      'month',
      'scope',
      'spells_ended',
      'mean_duration_days',
      ...horizons.flatMap((months) => [
        `exit${months}_cohort`,
        `exit${months}_to_work`,
        `exit${months}_share`,
      ]),
      ...lookbacks.flatMap((days) => [
        `passive_${monthsLabel(days)}_base`,
        `passive_${monthsLabel(days)}`,
        `passive_${monthsLabel(days)}_share`,
      ]),
      'target',
      'company_directed',
      'company_directed_share',
    ],
    benchmarkRows(run),
    3,
  );
  return tables;
}

/** The national figure: every municipality pooled (sum of passive over sum of target), per month, goal and scope. */
function nationalRows(aggregates: readonly MonthlyAggregate[]): string[][] {
  const totals = new Map<string, MonthlyAggregate>();
  for (const row of aggregates) {
    const key = `${row.month}|${row.goal}|${row.scope}`;
    const total = totals.get(key);
    totals.set(
      key,
      total === undefined
        ? row
        : { ...total, target: total.target + row.target, passive: total.passive + row.passive },
    );
  }
  return [...totals.values()].map((total) => [
    total.month,
    total.goal,
    total.scope,
    String(total.target),
    String(total.passive),
    formatNumber(passiveShare(total.passive, total.target)),
  ]);
}

function earlyCounts(
  context: MeasureContext,
  accumulators: MeasureAccumulators,
  municipality: number,
  month: number,
  scope: number,
): { cohort: number; conversations: number; offer: number } {
  const cell = { municipality, monthOffset: month, scope };
  const count = (field: number) => earlyEffortOf(accumulators, context, cell, field);
  return {
    cohort: count(EARLY_COHORT),
    conversations: count(EARLY_CONVERSATIONS_UNMET),
    offer: count(EARLY_OFFER_UNMET),
  };
}

function earlyEffortRows(
  context: MeasureContext,
  accumulators: MeasureAccumulators,
  scopes: readonly MeasureScope[],
): string[][] {
  const rows: string[][] = [];
  context.municipalities.forEach((code, municipality) => {
    for (let month = 0; month < context.monthCount; month += 1) {
      for (const scope of scopes) {
        const counts = earlyCounts(context, accumulators, municipality, month, scopeIndex(scope));
        rows.push([
          String(code),
          monthLabel(context, month),
          scope,
          String(counts.cohort),
          String(counts.conversations),
          String(counts.offer),
          formatNumber(passiveShare(counts.conversations, counts.cohort)),
          formatNumber(passiveShare(counts.offer, counts.cohort)),
        ]);
      }
    }
  });
  return rows;
}

function alertRows(
  book: RuleBook,
  context: MeasureContext,
  accumulators: MeasureAccumulators,
  scopes: readonly MeasureScope[],
): string[][] {
  const rows: string[][] = [];
  const rules = earlyEffortAlertRules(book, lastDayOf(context.lastMonth));
  const groups = scopes.filter(isBenefitGroup);
  for (const rule of rules) {
    context.municipalities.forEach((code, municipality) => {
      for (const scope of groups) {
        for (const requirement of ['conversations', 'offer'] as const) {
          const series = [];
          for (let month = 0; month < context.monthCount; month += 1) {
            const counts = earlyCounts(
              context,
              accumulators,
              municipality,
              month,
              scopeIndex(scope),
            );
            series.push({
              cohort: counts.cohort,
              unmet: requirement === 'conversations' ? counts.conversations : counts.offer,
            });
          }
          const start = followUpStart(rule, scope, requirement);
          for (const contact of earlyEffortContacts(rule, context.firstMonthIndex, series, start)) {
            rows.push([
              rule.name,
              String(code),
              scope,
              requirement,
              monthLabel(context, contact.contactMonth),
              monthLabel(context, contact.checkMonth),
              contact.accountRequired === undefined ? '' : contact.accountRequired ? 'ja' : 'nej',
            ]);
          }
        }
      }
    });
  }
  return rows;
}

function benchmarkRows(run: MeasureRunResult): string[][] {
  const counted = (entry: CountShare) => [
    formatNumber(entry.base),
    formatNumber(entry.count),
    formatNumber(entry.share),
  ];
  return benchmarkRecordsOf(run).map((record) => {
    const [target, company, companyShare] = counted(record.companyDirected);
    return [
      String(record.municipality),
      record.month,
      record.scope,
      formatNumber(record.spellsEnded),
      formatNumber(record.meanDurationDays),
      ...record.exitToWork.flatMap(counted),
      ...record.passive.flatMap(counted),
      target ?? '',
      company ?? '',
      companyShare ?? '',
    ];
  });
}

/** The percentages the minimum requirements demand in `month`, each with its §. */
function minimumRequirementsOfMonth(book: RuleBook, month: YearMonth): Record<string, unknown> {
  const rule = (requirement: MinimumRequirement) => {
    const entry = minimumRequirementRule(book, month, requirement);
    return { percent: entry.value, legalBasis: formatCitation(entry.source) };
  };
  return { offers: rule('offers'), conversations: rule('conversations') };
}

async function codeVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed)
      return `tilsyn ${String(parsed.version)}`;
  } catch {
    // Fall through: the version is informative only.
  }
  return 'tilsyn (ukendt version)';
}

async function runRecordJson(
  run: MeasureRunResult,
  record: MeasureRunRecord,
  written: readonly WrittenFile[],
): Promise<string> {
  const { context } = run;
  const lastDate = lastDayOf(context.lastMonth);
  const months = [];
  for (let month = 0; month < context.monthCount; month += 1) {
    months.push({
      month: monthLabel(context, month),
      referenceDate: lastDayOf(fromMonthIndex(context.firstMonthIndex + month)),
      ruleVersion: context.ruleVersion[month],
      minimumDurationDays: context.minimumDurationDays[month],
      windowDays: context.windowDays[month],
      exemptionExclusionPercent: context.exemptionPercent[month],
      conversationsRequired: context.conversationsRequired[month],
      hoursThreshold: (context.hoursThresholdScaled[month] ?? 0) / context.hoursScale,
      minimumRequirements: minimumRequirementsOfMonth(
        run.rules,
        fromMonthIndex(context.firstMonthIndex + month),
      ),
    });
  }
  const parameters = ruleNodeRecords(run.rules).map((node) => ({
    ...node,
    valueOnLastReferenceDate: run.rules.value(node.id, lastDate),
  }));
  return (
    JSON.stringify(
      {
        load: { id: record.loadId, folder: record.loadFolder },
        months: { from: context.firstMonth, to: context.lastMonth },
        codeVersion: await codeVersion(),
        rules: {
          official: run.rules.overrides.length === 0,
          overrides: run.rules.overrides.map(overrideRecord),
        },
        persons: run.personCount,
        rows: run.rows,
        files: written,
        ratePeriods: context.ratePeriods.map((period) => period.label),
        monthRules: months,
        parameters,
        timings: {
          workers: run.workers,
          readMilliseconds: Math.round(run.timings.readMilliseconds),
          measureMilliseconds: Math.round(run.timings.measureMilliseconds),
          mergeMilliseconds: Math.round(run.timings.mergeMilliseconds),
        },
      },
      null,
      2,
    ) + '\n'
  );
}
