/**
 * The annual assessment report as an Excel workbook: an overview, every
 * municipality's figures and decision as real cells, and the deadlines of
 * each decision.
 */
import type { IsoDate } from '../../core/calendar/iso-date.js';
import type {
  AssessmentReport,
  AssessmentReportRow,
} from '../../core/assessment-report/assessment-report.js';
import {
  addTableSheet,
  addTextSheet,
  COUNT_FORMAT,
  DATE_FORMAT,
  excelDate,
  newWorkbook,
  SHARE_FORMAT,
  SIGNED_POINTS_FORMAT,
  workbookBytes,
} from './workbook-builder.js';

const OUTCOME = { met: 'Ja', missed: 'Nej', not_measured: 'Ikke opgjort' } as const;

interface DeadlineRow {
  readonly municipality: AssessmentReportRow['municipality'];
  readonly decision: string;
  readonly deadline: AssessmentReportRow['deadlines'][number];
}

export async function assessmentReportWorkbook(report: AssessmentReport): Promise<Uint8Array> {
  const workbook = newWorkbook(report.title, report.publicationDate as IsoDate);
  addTextSheet(workbook, 'Oversigt', `${report.title}. ${report.subtitle}`, [
    ...report.summary,
    '',
    'Anmærkninger:',
    ...report.notes.map(
      (note, index) =>
        `${index + 1}. ${note.text}${note.source === null ? '' : ` (${note.source})`}`,
    ),
    '',
    report.source.text,
  ]);
  addTableSheet<AssessmentReportRow>(workbook, {
    name: 'Kommuner',
    title: `${report.title}: resultatmål, fokusmål og afgørelser`,
    intro: [
      `Fokusmål: tilbud mv. under ${report.thresholds.offers.value} % (${report.thresholds.offers.citation}), samtaler under ${report.thresholds.conversations.value} % (${report.thresholds.conversations.citation}).`,
    ],
    columns: [
      { header: 'Kommune', width: 20, value: (row) => row.municipality.name },
      { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
      {
        header: 'Forventet ydelsesgrad (%)',
        width: 13,
        value: (row) => row.resultGoal.expectedShare,
        numFmt: '#,##0.00',
      },
      {
        header: 'Faktisk ydelsesgrad (%)',
        width: 13,
        value: (row) => row.resultGoal.actualShare,
        numFmt: '#,##0.00',
      },
      {
        header: 'Forskel (pct.-point)',
        width: 12,
        value: (row) => row.resultGoal.differencePoints,
        numFmt: SIGNED_POINTS_FORMAT,
      },
      {
        header: 'Forventet antal fuldtidspersoner',
        width: 14,
        value: (row) => row.resultGoal.expectedCount,
        numFmt: COUNT_FORMAT,
      },
      {
        header: 'Faktisk antal fuldtidspersoner',
        width: 14,
        value: (row) => row.resultGoal.actualCount,
        numFmt: COUNT_FORMAT,
      },
      {
        header: 'Resultatmål opfyldt',
        width: 11,
        value: (row) => (row.resultGoal.met ? 'Ja' : 'Nej'),
      },
      {
        header: 'Tilbud mv. (%)',
        width: 11,
        value: (row) => row.focusGoals.offers.measure,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Tilbud mv. opfyldt',
        width: 11,
        value: (row) => OUTCOME[row.focusGoals.offers.outcome],
      },
      {
        header: 'Samtaler (%)',
        width: 11,
        value: (row) => row.focusGoals.conversations.measure,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Samtaler opfyldt',
        width: 11,
        value: (row) => OUTCOME[row.focusGoals.conversations.outcome],
      },
      { header: 'Status før', width: 22, value: (row) => row.statusBefore.label },
      { header: 'Afgørelse', width: 30, value: (row) => row.decision.label },
      { header: 'Hjemmel', width: 30, value: (row) => row.decision.legalBasis.citation },
      { header: 'Status efter', width: 22, value: (row) => row.statusAfter.label },
      {
        header: 'Begrundelse',
        width: 80,
        value: (row) => [...row.decision.reasons, ...row.decision.notes].join(' '),
      },
    ],
    rows: report.municipalities,
    fill: (row) =>
      row.decision.kind !== 'stays_out' ? 'worst' : row.notable ? 'muted' : undefined,
  });
  addTableSheet<DeadlineRow>(workbook, {
    name: 'Frister',
    title: `${report.title}: de frister, afgørelserne sætter`,
    columns: [
      { header: 'Kommune', width: 20, value: (row) => row.municipality.name },
      { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
      { header: 'Afgørelse', width: 30, value: (row) => row.decision },
      {
        header: 'Frist',
        width: 12,
        value: (row) => excelDate(row.deadline.date),
        numFmt: DATE_FORMAT,
      },
      { header: 'Hvad', width: 50, value: (row) => row.deadline.label },
      { header: 'Hjemmel', width: 40, value: (row) => row.deadline.legalBasis },
    ],
    rows: report.municipalities.flatMap((row) =>
      row.deadlines.map((deadline) => ({
        municipality: row.municipality,
        decision: row.decision.label,
        deadline,
      })),
    ),
  });
  return workbookBytes(workbook);
}
