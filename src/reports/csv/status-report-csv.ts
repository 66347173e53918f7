/**
 * The quarterly status report's municipalities as CSV for Excel
 * (`tilsyn status-report --excel`): one row per municipality with the focus
 * measures of the appendix, the 12-month averages against the thresholds,
 * the result goal and the tables it is in.
 */
import type { YearMonth } from '../../core/calendar/year-month.js';
import { FOCUS_GOALS, FOCUS_GOAL_LABELS, type FocusGoal } from '../../core/domain/focus-goal.js';
import type { AppendixRow, StatusReport } from '../../core/status-report/status-report-types.js';
import { danishMonth } from '../../core/text/danish-month.js';
import { excelCsv, type ExcelCsvColumn } from './excel-csv.js';

const OUTCOME: Readonly<Record<AppendixRow['goals']['offers']['outcome'], string>> = {
  met: 'Ja',
  missed: 'Nej',
  not_measured: 'Ikke opgjort',
};

export function statusReportCsv(report: StatusReport): Uint8Array {
  const inTable = new Map<number, number[]>();
  for (const table of report.tables)
    for (const row of table.rows)
      inTable.set(row.municipality.code, [
        ...(inTable.get(row.municipality.code) ?? []),
        table.number,
      ]);
  const goalColumns = (goal: FocusGoal): ExcelCsvColumn<AppendixRow>[] => [
    ...report.appendix.months.map((month, index) => ({
      header: `${FOCUS_GOAL_LABELS[goal]}: andel passive ${danishMonth(month as YearMonth)} (%)`,
      value: (row: AppendixRow) => row.goals[goal].monthly[index] ?? null,
      decimals: 1,
    })),
    {
      header: `${FOCUS_GOAL_LABELS[goal]}: gns. de seneste 12 mdr. (%)`,
      value: (row) => row.goals[goal].average,
      decimals: 1,
    },
    {
      header: `${FOCUS_GOAL_LABELS[goal]}: grænse (%)`,
      value: () => report.thresholds[goal].value,
    },
    {
      header: `${FOCUS_GOAL_LABELS[goal]}: opfyldt`,
      value: (row) => OUTCOME[row.goals[goal].outcome],
    },
  ];
  return excelCsv<AppendixRow>(
    [
      { header: 'Kommunekode', value: (row) => row.municipality.code },
      { header: 'Kommune', value: (row) => row.municipality.name },
      ...FOCUS_GOALS.flatMap(goalColumns),
      { header: `Resultatmål ${report.ratesYear} opfyldt`, value: (row) => row.resultGoalMet },
      {
        header: 'I tabel',
        value: (row) => (inTable.get(row.municipality.code) ?? []).join(' og '),
      },
    ],
    report.appendix.rows,
  );
}
