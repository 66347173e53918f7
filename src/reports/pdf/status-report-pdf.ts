/**
 * The quarterly status report as a PDF: the summary, Figure 1 (the national
 * passive shares with the thresholds dashed, drawn as vector graphics),
 * Tables 1–3, the appendix, the notes and the source. Takes the report's
 * data and the fonts, returns the bytes.
 */
import { formatDanishDate, type IsoDate } from '../../core/calendar/iso-date.js';
import { lastDayOf, type YearMonth } from '../../core/calendar/year-month.js';
import { FOCUS_GOAL_LABELS } from '../../core/domain/focus-goal.js';
import {
  WANTS_ASSISTANCE_LABELS,
  type StatusReport,
} from '../../core/status-report/status-report-types.js';
import { shortDanishMonth } from '../../core/text/danish-month.js';
import {
  formatAgainst,
  formatDanishNumber,
  formatSignedAgainstZero,
} from '../../core/danish-format.js';
import type { PdfFonts } from './pdf-fonts.js';
import { PdfWriter } from './pdf-writer.js';

export const REPORT_AUTHOR = 'tilsyn — skærpet tilsyn med kommunernes beskæftigelsesindsats';

export const GOAL_COLORS = { conversations: '#1f5fa8', offers: '#b35300' } as const;

const share = (value: number | null) => (value === null ? '–' : formatDanishNumber(value, 1));

export async function statusReportPdf(report: StatusReport, fonts: PdfFonts): Promise<Uint8Array> {
  const pdf = new PdfWriter(fonts, {
    title: `${report.title} — ${report.subtitle}`,
    date: lastDayOf(report.month as YearMonth),
    author: REPORT_AUTHOR,
    footer: `${report.title} ${report.subtitle.toLowerCase()}`,
  });
  pdf.heading(report.title, 1);
  pdf.paragraph(report.subtitle, { size: 12, bold: true, gap: 0.8 });
  for (const line of report.summary) pdf.paragraph(line);

  pdf.heading(report.figure.title);
  const months = report.figure.months;
  pdf.lineChart({
    labels: months.map((point) => shortDanishMonth(point.month as YearMonth)),
    yLabel: 'Andel passive (%)',
    series: [
      {
        label: FOCUS_GOAL_LABELS.conversations,
        values: months.map((point) => point.share.conversations),
        color: GOAL_COLORS.conversations,
      },
      {
        label: `Grænse, ${FOCUS_GOAL_LABELS.conversations.toLowerCase()}`,
        values: months.map((point) => point.threshold.conversations),
        color: GOAL_COLORS.conversations,
        dashed: true,
      },
      {
        label: FOCUS_GOAL_LABELS.offers,
        values: months.map((point) => point.share.offers),
        color: GOAL_COLORS.offers,
      },
      {
        label: `Grænse, ${FOCUS_GOAL_LABELS.offers.toLowerCase()}`,
        values: months.map((point) => point.threshold.offers),
        color: GOAL_COLORS.offers,
        dashed: true,
      },
    ],
  });
  pdf.paragraph(
    'Anm.: Månedlige andele for hele landet; de stiplede linjer er grænserne i den opgørelse, måneden tæller med i. Tallene står i bilag 2.',
    { size: 8 },
  );

  for (const table of report.tables) {
    pdf.heading(table.title);
    if (table.rows.length === 0) pdf.paragraph('Ingen kommuner.');
    else
      pdf.table(
        [
          { header: 'Kommune', width: 3 },
          { header: 'Forventede antal ledige', width: 2, align: 'right' },
          { header: 'Faktisk antal ledige', width: 2, align: 'right' },
          { header: 'Forskel', width: 2.2, align: 'right' },
          { header: 'Gns. passivandel de seneste 12 mdr. (%)', width: 2.4, align: 'right' },
        ],
        table.rows.map((row) => ({
          cells: [
            `${row.municipality.name} (${row.municipality.code})`,
            formatDanishNumber(row.resultGoal.expectedCountPublished),
            formatDanishNumber(row.resultGoal.actualCountPublished),
            `${formatDanishNumber(row.resultGoal.differencePersonsPublished)} (${formatSignedAgainstZero(row.resultGoal.differencePoints)})`,
            formatAgainst(row.measure, table.threshold.value),
          ],
        })),
      );
    for (const note of table.notes) pdf.paragraph(`Anm.: ${note}`, { size: 8 });
    pdf.paragraph(
      `Grænse: under ${formatDanishNumber(table.threshold.value)} %, jf. ${table.threshold.citation}.`,
      {
        size: 8,
      },
    );
  }

  pdf.heading(report.contacts.title);
  if (report.contacts.rows.length === 0) pdf.paragraph('Ingen kommuner.');
  else
    pdf.table(
      [
        { header: 'Kommune', width: 2.6 },
        { header: 'Indledende møde/kontakt', width: 1.8 },
        { header: 'Ønsker kommunen bistand', width: 1.8 },
        { header: 'Foretaget afdækning', width: 1.5 },
        { header: 'Indsats i kommunen', width: 4 },
      ],
      report.contacts.rows.map((row) => ({
        cells: [
          `${row.municipality.name} (${row.municipality.code})`,
          row.firstContact === null ? '' : formatDanishDate(row.firstContact as IsoDate),
          row.wantsAssistance === null ? '' : WANTS_ASSISTANCE_LABELS[row.wantsAssistance],
          row.mappingDone === null ? '' : row.mappingDone ? 'Ja' : 'Nej',
          row.effort ?? '',
        ],
      })),
    );

  pdf.heading('Anmærkninger');
  report.notes.forEach((note, index) => {
    pdf.paragraph(`${index + 1}. ${note.text}${note.source === null ? '' : ` (${note.source})`}`, {
      size: 8.5,
    });
  });
  pdf.paragraph(report.source.text, { size: 8.5, bold: true });

  pdf.newPage();
  pdf.heading(report.appendix.title);
  const appendixMonths = report.appendix.months.map((month) =>
    shortDanishMonth(month as YearMonth),
  );
  pdf.table(
    [
      { header: 'Kommune', width: 3.2 },
      ...appendixMonths.map((month) => ({
        header: `Samtaler ${month}`,
        width: 1.25,
        align: 'right' as const,
      })),
      { header: 'Samtaler gns. 12 mdr.', width: 1.4, align: 'right' },
      ...appendixMonths.map((month) => ({
        header: `Tilbud ${month}`,
        width: 1.25,
        align: 'right' as const,
      })),
      { header: 'Tilbud gns. 12 mdr.', width: 1.4, align: 'right' },
    ],
    report.appendix.rows.map((row) => ({
      cells: [
        `${row.municipality.name} (${row.municipality.code})`,
        ...row.goals.conversations.monthly.map(share),
        share(row.goals.conversations.average),
        ...row.goals.offers.monthly.map(share),
        share(row.goals.offers.average),
      ],
      ...(row.goals.conversations.outcome === 'missed' || row.goals.offers.outcome === 'missed'
        ? { fill: 'muted' as const }
        : {}),
    })),
    7.5,
  );
  pdf.paragraph(
    `Andel passive i procent. Grå: kommunen opfylder ikke mindst ét fokusmål i gennemsnit over de seneste 12 måneder (samtaler under ${formatDanishNumber(report.thresholds.conversations.value)} %, tilbud mv. under ${formatDanishNumber(report.thresholds.offers.value)} %).`,
    { size: 8 },
  );

  pdf.heading('Bilag 2. Tallene bag figur 1');
  pdf.table(
    [
      { header: 'Måned', width: 1.4 },
      { header: 'Samtaler (%)', width: 1.2, align: 'right' },
      { header: 'Samtaler gns. 12 mdr. (%)', width: 1.6, align: 'right' },
      { header: 'Grænse samtaler (%)', width: 1.4, align: 'right' },
      { header: 'Tilbud mv. (%)', width: 1.2, align: 'right' },
      { header: 'Tilbud mv. gns. 12 mdr. (%)', width: 1.6, align: 'right' },
      { header: 'Grænse tilbud mv. (%)', width: 1.4, align: 'right' },
    ],
    months.map((point) => ({
      cells: [
        shortDanishMonth(point.month as YearMonth),
        share(point.share.conversations),
        share(point.average.conversations),
        formatDanishNumber(point.threshold.conversations),
        share(point.share.offers),
        share(point.average.offers),
        formatDanishNumber(point.threshold.offers),
      ],
    })),
  );
  return pdf.finish();
}
