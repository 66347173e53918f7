/**
 * The quarterly status report's data for a chosen month M (reports.md;
 * issue 9 § 3): Figure 1's national series over the last 18 months with the
 * thresholds of the assessment each month counts towards, Tables 1 and 2
 * (the risk view), Table 3 (the AMK's contacts), the appendix with every
 * municipality's focus measures, the notes and the source. Pure: the shells
 * read the inputs and render the result.
 */
import type { AssessmentInputs } from '../assessment/assessment-inputs.js';
import { addMonths, monthRange, yearOf, type YearMonth } from '../calendar/year-month.js';
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import type { Municipality, MunicipalityCode } from '../domain/municipality.js';
import { averagingWindow } from '../focus-measures/averaging-window.js';
import type { MonthlyAggregates } from '../focus-measures/monthly-aggregates.js';
import { monthlyShare } from '../focus-measures/monthly-share.js';
import { formatCitation } from '../rules/legal-source.js';
import type { RuleBook } from '../rules/rule-book.js';
import { firstGroundingYear, goalThreshold, rulesForAssessment } from '../rules/rules-in-force.js';
import { PUBLISHED_DIFFERENCE_PRECISION_PERSONS } from '../risk/on-the-border.js';
import { riskView, type RiskView } from '../risk/risk-view.js';
import { formatAgainst, formatDanishNumber } from '../danish-format.js';
import { danishMonth } from '../text/danish-month.js';
import { GOAL_IN_SENTENCE } from '../text/legal-text.js';
import { statusReportNotes } from './status-report-notes.js';
import {
  STATUS_REPORT_SCHEMA,
  type AmkContactRecord,
  type AmkContactRow,
  type AppendixRow,
  type MunicipalityLabel,
  type NationalMonth,
  type PerGoal,
  type ResultGoalFigures,
  type RiskTable,
  type StatusReport,
} from './status-report-types.js';

/** Figure 1 covers the report month and the 17 before it. */
export const FIGURE_MONTHS = 18;
/** The appendix shows the report month and the 2 before it. */
export const APPENDIX_MONTHS = 3;

export const STATUS_REPORT_TITLE = 'Opfølgning på kommunernes afgivelse af samtaler og tilbud mv.';

export interface StatusReportRequest {
  /** The rules to judge by (`OFFICIAL_RULES`, or a simulation's book). */
  readonly rules: RuleBook;
  readonly month: YearMonth;
  /** The focus-goal aggregates and rates; complete for M (see `missingRiskInputs`). */
  readonly inputs: AssessmentInputs;
  /** The reference list of municipalities, for names and AMK. */
  readonly municipalities: readonly Municipality[];
  /** The AMK's contact records kept by the case system (none until it keeps them). */
  readonly contacts?: readonly AmkContactRecord[];
  readonly source: {
    readonly focus: string;
    readonly rates: string;
    readonly loadId?: string | undefined;
  };
}

export function statusReport(request: StatusReportRequest): StatusReport {
  const { month, inputs } = request;
  const view = riskView(request.rules, month, inputs);
  const reference = new Map(request.municipalities.map((entry) => [entry.code, entry]));
  const label = (code: MunicipalityCode): MunicipalityLabel => ({
    code,
    name: reference.get(code)?.name ?? `Kommune ${code}`,
  });
  const rules = view.rules;
  const thresholds = perGoal((goal) => ({
    value: goalThreshold(rules, goal).value,
    citation: formatCitation(goalThreshold(rules, goal).source),
  }));
  const series = nationalSeries(request.rules, month, inputs);
  const atMonth = series[series.length - 1];
  const national = perGoal((goal) => ({
    share: atMonth?.share[goal] ?? null,
    average: view.national[goal].value ?? null,
  }));
  const tables = riskTables(view, label);
  const contacts = contactRows(tables, label, reference, request.contacts ?? []);
  const appendixMonths = monthRange(addMonths(month, -(APPENDIX_MONTHS - 1)), month);
  const expectedRates = [
    ...new Set(view.municipalities.map((entry) => entry.resultGoal.source)),
  ].sort();
  const sourceText =
    `Kilde: fokusmålinger fra ${request.source.focus}; forventede og faktiske ydelsesgrader fra ${request.source.rates}` +
    (expectedRates.length > 0 ? ` (${expectedRates.join('; ')})` : '') +
    `. Regler: ${rules.version.instrument.citation} (${rules.version.id}).`;
  return {
    schema: STATUS_REPORT_SCHEMA,
    title: STATUS_REPORT_TITLE,
    subtitle: `Status for ${danishMonth(month)}`,
    month,
    assessmentYear: view.assessmentYear,
    rules: {
      version: rules.version.id,
      instrument: rules.version.instrument.citation,
      date: rules.date,
    },
    thresholds,
    publishedPrecisionPersons: PUBLISHED_DIFFERENCE_PRECISION_PERSONS,
    ratesYear: view.ratesYear,
    national,
    summary: summaryLines(view, national, tables),
    figure: {
      title: `Figur 1. Andel passive på landsplan, ${danishMonth(series[0]?.month as YearMonth)} – ${danishMonth(month)} (%)`,
      months: series,
    },
    tables,
    contacts: {
      title: 'Tabel 3. AMK’s kontakt med kommuner, der ikke opfylder et fokusmål og resultatmålet',
      rows: contacts,
    },
    appendix: {
      title: `Bilag 1. Kommunernes fokusmålinger, ${danishMonth(appendixMonths[0] as YearMonth)} – ${danishMonth(month)}`,
      months: appendixMonths,
      rows: appendixRows(view, inputs.aggregates, appendixMonths, label),
    },
    notes: statusReportNotes(view, series),
    source: {
      focus: request.source.focus,
      rates: request.source.rates,
      loadId: request.source.loadId ?? null,
      expectedRates,
      text: sourceText,
    },
  };
}

function perGoal<T>(of: (goal: FocusGoal) => T): PerGoal<T> {
  return { offers: of('offers'), conversations: of('conversations') };
}

/**
 * The national monthly share when every municipality has a row for the
 * month: `'missing'` when one lacks it (a national figure of some
 * municipalities would mislead), `null` when no one is in the target group.
 */
function completeNationalShare(
  inputs: AssessmentInputs,
  goal: FocusGoal,
  month: YearMonth,
): number | null | 'missing' {
  let target = 0;
  let passive = 0;
  for (const municipality of inputs.municipalities) {
    const count = inputs.aggregates.count(municipality, goal, 'all', month);
    if (count === undefined) return 'missing';
    target += count.target;
    passive += count.passive;
  }
  return monthlyShare(target, passive) ?? null;
}

/**
 * Figure 1: the 18 months up to M, each with the pooled national share, the
 * national 12-month average (the mean of the pooled shares of the counted
 * months, as `nationalFocusMeasure`; `null` when a counted month is missing)
 * and the thresholds of the assessment of the month's year.
 */
export function nationalSeries(
  book: RuleBook,
  month: YearMonth,
  inputs: AssessmentInputs,
): NationalMonth[] {
  const shares = new Map<string, number | null | 'missing'>();
  const shareOf = (goal: FocusGoal, of: YearMonth) => {
    const key = `${goal}|${of}`;
    let share = shares.get(key);
    if (share === undefined) {
      share = completeNationalShare(inputs, goal, of);
      shares.set(key, share);
    }
    return share;
  };
  const averageOf = (goal: FocusGoal, of: YearMonth): number | null => {
    let sum = 0;
    let count = 0;
    for (const counted of averagingWindow(book, of).counted) {
      const share = shareOf(goal, counted);
      if (share === 'missing') return null;
      if (share === null) continue;
      sum += share;
      count += 1;
    }
    return count === 0 ? null : sum / count;
  };
  return monthRange(addMonths(month, -(FIGURE_MONTHS - 1)), month).map((of): NationalMonth => {
    const rules = rulesForAssessment(book, yearOf(of));
    const window = averagingWindow(book, of);
    return {
      month: of,
      assessmentYear: yearOf(of),
      share: perGoal((goal) => {
        const share = shareOf(goal, of);
        return share === 'missing' ? null : share;
      }),
      average: perGoal((goal) => averageOf(goal, of)),
      threshold: perGoal((goal) => goalThreshold(rules, goal).value),
      excludedFromAverages: !window.counted.includes(of),
    };
  });
}

function resultGoalFigures(result: RiskView['municipalities'][number]['resultGoal']) {
  const published = (count: number) =>
    Math.round(count / PUBLISHED_DIFFERENCE_PRECISION_PERSONS) *
      PUBLISHED_DIFFERENCE_PRECISION_PERSONS +
    0;
  return {
    ratesYear: result.year,
    expectedShare: result.expectedShare,
    actualShare: result.actualShare,
    differencePoints: result.differencePoints,
    expectedCount: result.expectedCount,
    actualCount: result.actualCount,
    differencePersons: result.differencePersons,
    expectedCountPublished: published(result.expectedCount),
    actualCountPublished: published(result.actualCount),
    differencePersonsPublished: published(result.differencePersons),
    met: result.met,
  } satisfies ResultGoalFigures;
}

function riskTables(view: RiskView, label: (code: MunicipalityCode) => MunicipalityLabel) {
  return view.tables.map((table, index): RiskTable => {
    const goal = GOAL_IN_SENTENCE[table.goal];
    const threshold = table.threshold.value;
    const notes: string[] = [];
    const border = table.rows.filter((row) => row.onTheBorder);
    if (border.length > 0) {
      const names = border.map((row) => label(row.municipality).name);
      notes.push(
        `${joinDanish(names)} ${names.length === 1 ? 'er' : 'er alle'} "på grænsen": forskellen afrundes til 0 fuldtidspersoner, ` +
          'men den faktiske ydelsesgrad er over den forventede, så resultatmålet er ikke opfyldt.',
      );
    }
    if (!table.canGround) {
      const limit = firstGroundingYear(view.rules, table.goal);
      const first = limit.value;
      notes.push(
        `Fokusmålet om ${goal} kan ikke begrunde en afgørelse ved opgørelsen af ${view.assessmentYear}` +
          `${first === null ? '' : ` (først fra opgørelsen af ${first})`}, ` +
          `jf. ${formatCitation(limit.source)}.`,
      );
    }
    return {
      number: index + 1,
      goal: table.goal,
      title:
        `Tabel ${index + 1}. Kommuner, der ikke opfylder fokusmålet om ${goal} ` +
        `(gns. de seneste 12 mdr. under ${formatDanishNumber(threshold)} %) og resultatmålet`,
      threshold: { value: threshold, citation: formatCitation(table.threshold.source) },
      canGround: table.canGround,
      rows: table.rows.map((row) => ({
        municipality: label(row.municipality),
        resultGoal: resultGoalFigures(row.resultGoal),
        measure: row.measure,
        onTheBorder: row.onTheBorder,
      })),
      notes,
    };
  });
}

/** "A, B og C" */
export function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1] ?? ''}`;
}

function contactRows(
  tables: readonly RiskTable[],
  label: (code: MunicipalityCode) => MunicipalityLabel,
  reference: ReadonlyMap<MunicipalityCode, Municipality>,
  records: readonly AmkContactRecord[],
): AmkContactRow[] {
  const missed = new Map<MunicipalityCode, FocusGoal[]>();
  for (const table of tables)
    for (const row of table.rows) {
      const goals = missed.get(row.municipality.code) ?? [];
      goals.push(table.goal);
      missed.set(row.municipality.code, goals);
    }
  const byMunicipality = new Map(records.map((record) => [record.municipality, record]));
  return [...missed.entries()]
    .map(([code, goals]): AmkContactRow => {
      const record = byMunicipality.get(code);
      return {
        municipality: label(code),
        amk: reference.get(code)?.amk ?? null,
        goalsMissed: goals,
        firstContact: record?.firstContact ?? null,
        wantsAssistance: record?.wantsAssistance ?? null,
        mappingDone: record?.mappingDone ?? null,
        effort: record?.effort ?? null,
      };
    })
    .sort(
      (a, b) =>
        a.municipality.name.localeCompare(b.municipality.name, 'da') ||
        a.municipality.code - b.municipality.code,
    );
}

function appendixRows(
  view: RiskView,
  aggregates: MonthlyAggregates,
  months: readonly YearMonth[],
  label: (code: MunicipalityCode) => MunicipalityLabel,
): AppendixRow[] {
  return view.municipalities.map((entry) => ({
    municipality: label(entry.municipality),
    goals: perGoal((goal) => {
      const assessed = entry.focusGoals[goal];
      return {
        monthly: months.map((of) => {
          const count = aggregates.count(entry.municipality, goal, 'all', of);
          return count === undefined ? null : (monthlyShare(count.target, count.passive) ?? null);
        }),
        average: assessed.measure ?? null,
        outcome: assessed.outcome,
      };
    }),
    resultGoalMet: entry.resultGoal.met,
  }));
}

function summaryLines(
  view: RiskView,
  national: PerGoal<{ readonly share: number | null; readonly average: number | null }>,
  tables: readonly RiskTable[],
): string[] {
  const rules = view.rules;
  const goalText = (goal: FocusGoal) => {
    const average = national[goal].average;
    const threshold = goalThreshold(rules, goal).value;
    return `${GOAL_IN_SENTENCE[goal]} ${average === null ? 'ikke opgjort' : `${formatAgainst(average, threshold)} %`} (grænse ${formatDanishNumber(threshold)} %)`;
  };
  const count = (table: RiskTable) =>
    table.rows.length === 1 ? '1 kommune' : `${table.rows.length} kommuner`;
  return [
    `Månederne i ${view.assessmentYear} tæller med i den årlige opgørelse af ${view.assessmentYear}, som offentliggøres i april ${view.assessmentYear + 1} efter ${rules.version.instrument.citation}; dens grænser bruges her.`,
    `Landsplan, gennemsnitlig andel passive de seneste 12 måneder: ${FOCUS_GOALS.map(goalText).join(', ')}.`,
    ...tables.map(
      (table) =>
        `${count(table)} opfylder hverken fokusmålet om ${GOAL_IN_SENTENCE[table.goal]} eller resultatmålet (tabel ${table.number}).`,
    ),
    `Resultatmålet bedømmes på de forventede og faktiske ydelsesgrader for ${view.ratesYear}, det seneste afsluttede år.`,
  ];
}
