/**
 * The web application's lists as CSV for Excel users (issue 11): the
 * national overview, a municipality's measures month by month and the
 * AMK's early-effort alerts, each with Danish headers and municipalities by
 * code and name, written by the one writer of `reports/csv/excel-csv.ts`
 * (`;`, the decimal comma, UTF-8 with BOM). The status report and the
 * assessment report use their own presenters of `reports/csv`.
 */
import type {
  AmkAlert,
  AmkAlertMunicipality,
  AmkAlertsView,
} from '../../cases/views/amk-alerts.js';
import type {
  MonthFigures,
  MunicipalityMeasures,
} from '../../cases/views/municipality-measures.js';
import type { OverviewMunicipality, OverviewResponse } from '../../cases/views/overview-types.js';
import type { YearMonth } from '../../core/calendar/year-month.js';
import { FOCUS_GOALS, FOCUS_GOAL_LABELS, type FocusGoal } from '../../core/domain/focus-goal.js';
import { danishMonth } from '../../core/text/danish-month.js';
import { excelCsv, type ExcelCsvColumn } from '../../reports/csv/excel-csv.js';

const OUTCOME: Readonly<Record<string, string>> = {
  met: 'Ja',
  missed: 'Nej',
  not_measured: 'Ikke opgjort',
};

const RISK: Readonly<Record<OverviewMunicipality['risk'], string>> = {
  at_risk: 'Kan udvælges',
  on_the_border: 'På grænsen',
  low: 'Lav',
  under_supervision: 'Under tilsyn',
};

const month = (value: string | null | undefined) =>
  value === null || value === undefined ? null : danishMonth(value as YearMonth);

export function overviewCsv(view: OverviewResponse): Uint8Array {
  const goal = (focus: FocusGoal): ExcelCsvColumn<OverviewMunicipality>[] => [
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: andel passive ${danishMonth(view.month as YearMonth)} (%)`,
      value: (row) => row.goals[focus].latest,
      decimals: 1,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: gns. de seneste 12 mdr. (%)`,
      value: (row) => row.goals[focus].average,
      decimals: 1,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: grænse (%)`,
      value: () => view.thresholds[focus].value,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: opfyldt`,
      value: (row) => OUTCOME[row.goals[focus].outcome],
    },
  ];
  return excelCsv<OverviewMunicipality>(
    [
      { header: 'Kommunekode', value: (row) => row.code },
      { header: 'Kommune', value: (row) => row.name },
      { header: 'AMK', value: (row) => row.amk },
      { header: 'Status', value: (row) => row.statusLabel },
      ...FOCUS_GOALS.flatMap(goal),
      {
        header: `Resultatmål ${String(view.ratesYear)}: forskel (pct.-point)`,
        value: (row) => row.resultGoal?.differencePoints,
        decimals: 2,
      },
      {
        header: `Resultatmål ${String(view.ratesYear)}: forskel (fuldtidspersoner)`,
        value: (row) => row.resultGoal?.differencePersonsPublished,
      },
      {
        header: `Resultatmål ${String(view.ratesYear)} opfyldt`,
        value: (row) => row.resultGoal?.met,
      },
      {
        header: `Risiko ved opgørelsen ${String(view.assessmentYear)}`,
        value: (row) => RISK[row.risk],
      },
      { header: 'Begrundelse', value: (row) => row.riskReason },
    ],
    view.municipalities,
  );
}

export function municipalityMeasuresCsv(view: MunicipalityMeasures): Uint8Array {
  const goal = (focus: FocusGoal): ExcelCsvColumn<MonthFigures>[] => [
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: målgruppe (personer)`,
      value: (row) => row.goals[focus].target,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: passive (personer)`,
      value: (row) => row.goals[focus].passive,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: andel passive (%)`,
      value: (row) => row.goals[focus].share,
      decimals: 1,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: gns. 12 mdr. (%)`,
      value: (row) => row.goals[focus].average,
      decimals: 1,
    },
    {
      header: `${FOCUS_GOAL_LABELS[focus]}: grænse (%)`,
      value: (row) => row.goals[focus].threshold,
    },
  ];
  return excelCsv<MonthFigures>(
    [
      { header: 'Kommunekode', value: () => view.municipality.code },
      { header: 'Kommune', value: () => view.municipality.name },
      { header: 'Måned', value: (row) => month(row.month) },
      { header: 'Udeladt af gennemsnittet (COVID-19)', value: (row) => row.excludedFromAverages },
      ...FOCUS_GOALS.flatMap(goal),
    ],
    view.months,
  );
}

interface AlertRow {
  readonly municipality: AmkAlertMunicipality;
  readonly alert: AmkAlert | undefined;
}

export function amkAlertsCsv(view: AmkAlertsView): Uint8Array {
  const latest = (row: AlertRow) => row.alert?.months[row.alert.months.length - 1];
  return excelCsv<AlertRow>(
    [
      { header: 'Kommunekode', value: (row) => row.municipality.code },
      { header: 'Kommune', value: (row) => row.municipality.name },
      { header: 'AMK', value: (row) => row.municipality.amk },
      { header: 'Varsel', value: (row) => row.municipality.raised },
      { header: 'Varsel siden', value: (row) => month(row.municipality.raisedSince) },
      { header: 'Ydelsesgruppe', value: (row) => row.alert?.groupLabel },
      { header: 'Krav', value: (row) => row.alert?.requirementLabel },
      { header: 'Tilstand', value: (row) => row.alert?.stateLabel },
      { header: 'Siden', value: (row) => month(row.alert?.since) },
      { header: 'Krav ikke opfyldt siden', value: (row) => month(row.alert?.unmetSince) },
      { header: 'Opfølgning', value: (row) => month(row.alert?.checkMonth) },
      { header: 'Måneder i træk', value: (row) => row.alert?.unmetMonthsInARow },
      {
        header: `Kohorte ${danishMonth(view.month)} (personer)`,
        value: (row) => latest(row)?.cohort,
      },
      {
        header: `Krav ikke opfyldt ${danishMonth(view.month)} (personer)`,
        value: (row) => latest(row)?.unmet,
      },
      {
        header: `Krav ikke opfyldt ${danishMonth(view.month)} (%)`,
        value: (row) => latest(row)?.share,
        decimals: 1,
      },
      { header: 'Grænse (%)', value: () => view.rule.unmetSharePercentAbove },
      { header: 'Begrundelse', value: (row) => row.alert?.reason },
      { header: 'Hjemmel', value: (row) => (row.alert === undefined ? null : view.rule.citation) },
      {
        header: 'Seneste AMK-kontakt',
        value: (row) => row.municipality.latestContact?.firstContactDate,
      },
      {
        header: 'Ønsker bistand',
        value: (row) => row.municipality.latestContact?.wantsAssistance,
      },
    ],
    view.municipalities.flatMap((municipality): AlertRow[] =>
      municipality.alerts.length === 0
        ? [{ municipality, alert: undefined }]
        : municipality.alerts.map((alert) => ({ municipality, alert })),
    ),
  );
}
