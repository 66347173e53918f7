/**
 * The quarterly status report as an Excel workbook: an overview with the
 * summary, notes and source; Figure 1's numbers (the national shares, the
 * 12-month averages and the thresholds month by month — exceljs cannot write
 * a native chart, so the figure is its data table); Tables 1–3; the appendix.
 */
import { lastDayOf, type YearMonth } from '../../core/calendar/year-month.js';
import {
  WANTS_ASSISTANCE_LABELS,
  type AmkContactRow,
  type AppendixRow,
  type NationalMonth,
  type RiskTableRow,
  type StatusReport,
} from '../../core/status-report/status-report-types.js';
import { danishMonth } from '../../core/text/danish-month.js';
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

export async function statusReportWorkbook(report: StatusReport): Promise<Uint8Array> {
  const workbook = newWorkbook(
    `${report.title} — ${report.subtitle}`,
    lastDayOf(report.month as YearMonth),
  );
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
  addTableSheet<NationalMonth>(workbook, {
    name: 'Figur 1',
    title: report.figure.title,
    intro: [
      'Månedlige andele for hele landet, gennemsnittet af de seneste 12 måneder og grænserne i den opgørelse, måneden tæller med i.',
    ],
    columns: [
      { header: 'Måned', width: 16, value: (point) => danishMonth(point.month as YearMonth) },
      {
        header: 'Samtaler: andel passive (%)',
        width: 14,
        value: (point) => point.share.conversations,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Samtaler: gns. 12 mdr. (%)',
        width: 14,
        value: (point) => point.average.conversations,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Samtaler: grænse (%)',
        width: 12,
        value: (point) => point.threshold.conversations,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Tilbud mv.: andel passive (%)',
        width: 14,
        value: (point) => point.share.offers,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Tilbud mv.: gns. 12 mdr. (%)',
        width: 14,
        value: (point) => point.average.offers,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Tilbud mv.: grænse (%)',
        width: 12,
        value: (point) => point.threshold.offers,
        numFmt: SHARE_FORMAT,
      },
      { header: 'Opgørelsesår', width: 12, value: (point) => point.assessmentYear },
    ],
    rows: report.figure.months,
  });
  for (const table of report.tables) {
    addTableSheet<RiskTableRow>(workbook, {
      name: `Tabel ${table.number}`,
      title: table.title,
      intro: [
        `Grænse: under ${table.threshold.value} %, jf. ${table.threshold.citation}. Ydelsesgrader for ${report.ratesYear}.`,
      ],
      columns: [
        { header: 'Kommune', width: 22, value: (row) => row.municipality.name },
        { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
        {
          header: 'Forventede antal ledige',
          width: 14,
          value: (row) => row.resultGoal.expectedCountPublished,
          numFmt: COUNT_FORMAT,
        },
        {
          header: 'Faktisk antal ledige',
          width: 14,
          value: (row) => row.resultGoal.actualCountPublished,
          numFmt: COUNT_FORMAT,
        },
        {
          header: 'Forskel (fuldtidspersoner)',
          width: 14,
          value: (row) => row.resultGoal.differencePersonsPublished,
          numFmt: COUNT_FORMAT,
        },
        {
          header: 'Forskel (pct.-point)',
          width: 14,
          value: (row) => row.resultGoal.differencePoints,
          numFmt: SIGNED_POINTS_FORMAT,
        },
        {
          header: 'Gns. passivandel de seneste 12 mdr. (%)',
          width: 18,
          value: (row) => row.measure,
          numFmt: SHARE_FORMAT,
        },
        { header: 'På grænsen', width: 10, value: (row) => (row.onTheBorder ? 'Ja' : 'Nej') },
      ],
      rows: table.rows,
      notes: table.notes.map((note) => `Anm.: ${note}`),
    });
  }
  addTableSheet<AmkContactRow>(workbook, {
    name: 'Tabel 3',
    title: report.contacts.title,
    columns: [
      { header: 'Kommune', width: 22, value: (row) => row.municipality.name },
      { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
      { header: 'AMK', width: 14, value: (row) => row.amk },
      {
        header: 'Indledende møde/kontakt',
        width: 14,
        value: (row) => excelDate(row.firstContact),
        numFmt: DATE_FORMAT,
      },
      {
        header: 'Ønsker kommunen bistand',
        width: 14,
        value: (row) =>
          row.wantsAssistance === null ? null : WANTS_ASSISTANCE_LABELS[row.wantsAssistance],
      },
      {
        header: 'Foretaget afdækning',
        width: 12,
        value: (row) => (row.mappingDone === null ? null : row.mappingDone ? 'Ja' : 'Nej'),
      },
      { header: 'Indsats i kommunen', width: 50, value: (row) => row.effort },
    ],
    rows: report.contacts.rows,
  });
  const months = report.appendix.months.map((month) => danishMonth(month as YearMonth));
  addTableSheet<AppendixRow>(workbook, {
    name: 'Bilag 1',
    title: report.appendix.title,
    intro: ['Andel passive i procent; gennemsnittet er de seneste 12 måneder.'],
    columns: [
      { header: 'Kommune', width: 22, value: (row) => row.municipality.name },
      { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
      ...months.map((month, index) => ({
        header: `Samtaler ${month} (%)`,
        width: 13,
        value: (row: AppendixRow) => row.goals.conversations.monthly[index] ?? null,
        numFmt: SHARE_FORMAT,
      })),
      {
        header: 'Samtaler gns. 12 mdr. (%)',
        width: 13,
        value: (row) => row.goals.conversations.average,
        numFmt: SHARE_FORMAT,
      },
      ...months.map((month, index) => ({
        header: `Tilbud mv. ${month} (%)`,
        width: 13,
        value: (row: AppendixRow) => row.goals.offers.monthly[index] ?? null,
        numFmt: SHARE_FORMAT,
      })),
      {
        header: 'Tilbud mv. gns. 12 mdr. (%)',
        width: 13,
        value: (row) => row.goals.offers.average,
        numFmt: SHARE_FORMAT,
      },
      {
        header: 'Resultatmål opfyldt',
        width: 11,
        value: (row) => (row.resultGoalMet ? 'Ja' : 'Nej'),
      },
    ],
    rows: report.appendix.rows,
    fill: (row) =>
      row.goals.conversations.outcome === 'missed' || row.goals.offers.outcome === 'missed'
        ? 'muted'
        : undefined,
  });
  return workbookBytes(workbook);
}
