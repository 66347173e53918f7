/**
 * The risk view's Tables 1 and 2 as CSV for Excel (`tilsyn risk --out FILE
 * --excel`): one row per municipality and table.
 */
import { FOCUS_GOAL_LABELS } from '../../core/domain/focus-goal.js';
import { PUBLISHED_DIFFERENCE_PRECISION_PERSONS } from '../../core/risk/on-the-border.js';
import type { RiskRow, RiskTable, RiskView } from '../../core/risk/risk-view.js';
import { excelCsv } from './excel-csv.js';

const published = (count: number) =>
  Math.round(count / PUBLISHED_DIFFERENCE_PRECISION_PERSONS) *
  PUBLISHED_DIFFERENCE_PRECISION_PERSONS;

export function riskCsv(view: RiskView, nameOf: (code: number) => string): Uint8Array {
  const rows = view.tables.flatMap((table, index) =>
    table.rows.map((row) => ({ number: index + 1, table, row })),
  );
  return excelCsv<{ number: number; table: RiskTable; row: RiskRow }>(
    [
      { header: 'Tabel', value: ({ number }) => number },
      { header: 'Fokusmål', value: ({ table }) => FOCUS_GOAL_LABELS[table.goal] },
      { header: 'Kommunekode', value: ({ row }) => row.municipality },
      { header: 'Kommune', value: ({ row }) => nameOf(row.municipality) },
      {
        header: 'Forventede antal ledige',
        value: ({ row }) => published(row.resultGoal.expectedCount),
      },
      { header: 'Faktisk antal ledige', value: ({ row }) => published(row.resultGoal.actualCount) },
      {
        header: 'Forskel (fuldtidspersoner)',
        value: ({ row }) => published(row.resultGoal.differencePersons) + 0,
      },
      {
        header: 'Forskel (pct.-point)',
        value: ({ row }) => row.resultGoal.differencePoints,
        decimals: 3,
      },
      {
        header: 'Gns. passivandel de seneste 12 mdr. (%)',
        value: ({ row }) => row.measure,
        decimals: 1,
      },
      { header: 'Grænse (%)', value: ({ table }) => table.threshold.value },
      { header: 'På grænsen', value: ({ row }) => row.onTheBorder },
    ],
    rows,
  );
}
