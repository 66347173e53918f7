/**
 * The annual assessments as CSV for Excel (`tilsyn assess --out FILE
 * --excel`): one row per municipality and assessment year with the result
 * goal, the focus measures against the thresholds, the statuses, the
 * decision with its § and the deadlines.
 */
import type {
  AssessmentReport,
  AssessmentReportRow,
} from '../../core/assessment-report/assessment-report.js';
import { excelCsv } from './excel-csv.js';

const OUTCOME = { met: 'Ja', missed: 'Nej', not_measured: 'Ikke opgjort' } as const;

interface Row {
  readonly year: AssessmentReport;
  readonly row: AssessmentReportRow;
}

export function assessmentCsv(years: readonly AssessmentReport[]): Uint8Array {
  return excelCsv<Row>(
    [
      { header: 'Opgørelsesår', value: ({ year }) => year.year },
      { header: 'Regler', value: ({ year }) => year.rules.instrument },
      { header: 'Kommunekode', value: ({ row }) => row.municipality.code },
      { header: 'Kommune', value: ({ row }) => row.municipality.name },
      {
        header: 'Forventet ydelsesgrad (%)',
        value: ({ row }) => row.resultGoal.expectedShare,
        decimals: 2,
      },
      {
        header: 'Faktisk ydelsesgrad (%)',
        value: ({ row }) => row.resultGoal.actualShare,
        decimals: 2,
      },
      {
        header: 'Forskel (pct.-point)',
        value: ({ row }) => row.resultGoal.differencePoints,
        decimals: 3,
      },
      { header: 'Resultatmål opfyldt', value: ({ row }) => row.resultGoal.met },
      { header: 'Tilbud mv. (%)', value: ({ row }) => row.focusGoals.offers.measure, decimals: 1 },
      { header: 'Tilbud mv.: grænse (%)', value: ({ row }) => row.focusGoals.offers.threshold },
      { header: 'Tilbud mv. opfyldt', value: ({ row }) => OUTCOME[row.focusGoals.offers.outcome] },
      {
        header: 'Samtaler (%)',
        value: ({ row }) => row.focusGoals.conversations.measure,
        decimals: 1,
      },
      {
        header: 'Samtaler: grænse (%)',
        value: ({ row }) => row.focusGoals.conversations.threshold,
      },
      {
        header: 'Samtaler opfyldt',
        value: ({ row }) => OUTCOME[row.focusGoals.conversations.outcome],
      },
      { header: 'Status før', value: ({ row }) => row.statusBefore.label },
      { header: 'Afgørelse', value: ({ row }) => row.decision.label },
      { header: 'Hjemmel', value: ({ row }) => row.decision.legalBasis.citation },
      { header: 'Status efter', value: ({ row }) => row.statusAfter.label },
      {
        header: 'Frister',
        value: ({ row }) =>
          row.deadlines.map((deadline) => `${deadline.date} ${deadline.label}`).join('; '),
      },
      {
        header: 'Begrundelse',
        value: ({ row }) => [...row.decision.reasons, ...row.decision.notes].join(' '),
      },
    ],
    years.flatMap((year) => year.municipalities.map((row) => ({ year, row }))),
  );
}
