/**
 * The annual assessment report as a PDF (landscape): the summary, a table of
 * every municipality (result goal, focus measures against the thresholds,
 * status before and after, decision and §), then each decision other than
 * staying out with its legal basis, reasons and deadlines.
 */
import { formatDanishDate, type IsoDate } from '../../core/calendar/iso-date.js';
import type {
  AssessmentReport,
  AssessmentReportRow,
} from '../../core/assessment-report/assessment-report.js';
import {
  formatAgainst,
  formatDanishNumber,
  formatSignedAgainstZero,
} from '../../core/danish-format.js';
import { STATUS_SHORT } from '../../core/text/legal-text.js';
import type { PdfFonts } from './pdf-fonts.js';
import { PdfWriter } from './pdf-writer.js';
import { REPORT_AUTHOR } from './status-report-pdf.js';

function goalCell(goal: AssessmentReportRow['focusGoals']['offers']): string {
  if (goal.measure === null) return 'ikke opgjort';
  const mark = goal.outcome === 'met' ? 'opfyldt' : 'ikke opfyldt';
  return `${formatAgainst(goal.measure, goal.threshold)} ${mark}${goal.canGround ? '' : '*'}`;
}

export async function assessmentReportPdf(
  report: AssessmentReport,
  fonts: PdfFonts,
): Promise<Uint8Array> {
  const pdf = new PdfWriter(fonts, {
    title: `${report.title} — ${report.subtitle}`,
    date: report.publicationDate as IsoDate,
    author: REPORT_AUTHOR,
    landscape: true,
    footer: report.title,
  });
  pdf.heading(report.title, 1);
  pdf.paragraph(report.subtitle, { size: 12, bold: true, gap: 0.8 });
  for (const line of report.summary) pdf.paragraph(line);
  pdf.heading('Kommunerne');
  pdf.table(
    [
      { header: 'Kommune', width: 2.6 },
      { header: 'Forventet ydelsesgrad (%)', width: 1.3, align: 'right' },
      { header: 'Faktisk ydelsesgrad (%)', width: 1.3, align: 'right' },
      { header: 'Forskel (pct.-point)', width: 1.3, align: 'right' },
      {
        header: `Tilbud mv. (%, under ${formatDanishNumber(report.thresholds.offers.value)})`,
        width: 1.9,
        align: 'right',
      },
      {
        header: `Samtaler (%, under ${formatDanishNumber(report.thresholds.conversations.value)})`,
        width: 1.9,
        align: 'right',
      },
      { header: 'Status før', width: 1.5 },
      { header: 'Afgørelse', width: 3.2 },
      { header: 'Hjemmel', width: 1.4 },
    ],
    report.municipalities.map((row) => ({
      cells: [
        `${row.municipality.name} (${row.municipality.code})`,
        formatDanishNumber(row.resultGoal.expectedShare, 2),
        formatDanishNumber(row.resultGoal.actualShare, 2),
        formatSignedAgainstZero(row.resultGoal.differencePoints),
        goalCell(row.focusGoals.offers),
        goalCell(row.focusGoals.conversations),
        STATUS_SHORT[row.statusBefore.code],
        row.decision.label,
        row.decision.legalBasis.paragraph,
      ],
      ...(row.decision.kind !== 'stays_out'
        ? { fill: 'worst' as const }
        : row.notable
          ? { fill: 'muted' as const }
          : {}),
    })),
    7,
  );
  pdf.paragraph(
    `Hjemmel: ${report.rules.paragraphsOf}. Rød: en afgørelse om skærpet tilsyn, forlængelse, ophør eller administration. Grå: kommunen opfylder hverken resultatmålet eller et fokusmål. * Fokusmålet kan ikke begrunde en afgørelse dette år.`,
    { size: 8 },
  );
  const decided = report.municipalities.filter((row) => row.decision.kind !== 'stays_out');
  if (decided.length > 0) {
    pdf.newPage();
    pdf.heading('Afgørelserne');
  }
  for (const row of decided) {
    pdf.heading(`${row.municipality.name} (${row.municipality.code}): ${row.decision.label}`, 3);
    pdf.paragraph(
      `Status før: ${row.statusBefore.label}. Status efter: ${row.statusAfter.label}. Hjemmel: ${row.decision.legalBasis.citation}` +
        (row.decision.legalBasis.quote === null ? '.' : `: "${row.decision.legalBasis.quote}".`),
      { size: 9 },
    );
    pdf.bullets([...row.decision.reasons, ...row.decision.notes], 9);
    if (row.deadlines.length > 0)
      pdf.table(
        [
          { header: 'Frist', width: 1.2 },
          { header: 'Hvad', width: 4 },
          { header: 'Hjemmel', width: 3 },
        ],
        row.deadlines.map((deadline) => ({
          cells: [formatDanishDate(deadline.date as IsoDate), deadline.label, deadline.legalBasis],
        })),
        8,
      );
  }
  pdf.heading('Anmærkninger');
  report.notes.forEach((note, index) => {
    pdf.paragraph(`${index + 1}. ${note.text}${note.source === null ? '' : ` (${note.source})`}`, {
      size: 8.5,
    });
  });
  pdf.paragraph(report.source.text, { size: 8.5, bold: true });
  return pdf.finish();
}
