/**
 * The quarterly status report as plain text for the terminal (`tilsyn
 * status-report` without `--json`): the same data as the PDF and workbook.
 */
import { shortDanishMonth } from '../../core/text/danish-month.js';
import {
  formatAgainst,
  formatDanishNumber,
  formatSignedAgainstZero,
} from '../../core/danish-format.js';
import type { YearMonth } from '../../core/calendar/year-month.js';
import {
  WANTS_ASSISTANCE_LABELS,
  type StatusReport,
} from '../../core/status-report/status-report-types.js';
import { renderTable } from '../text-table.js';
import { formatDanishDate } from '../../core/calendar/iso-date.js';
import type { IsoDate } from '../../core/calendar/iso-date.js';

const share = (value: number | null) => (value === null ? '–' : formatDanishNumber(value, 1));

export function statusReportText(report: StatusReport): string {
  const lines = [report.title, report.subtitle, '', ...report.summary, '', report.figure.title];
  lines.push(
    ...renderTable(
      ['Måned', 'Samtaler (%)', 'Grænse', 'Tilbud mv. (%)', 'Grænse'],
      report.figure.months.map((point) => [
        shortDanishMonth(point.month as YearMonth),
        share(point.share.conversations),
        formatDanishNumber(point.threshold.conversations),
        share(point.share.offers),
        formatDanishNumber(point.threshold.offers),
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
  for (const table of report.tables) {
    lines.push('', table.title);
    if (table.rows.length === 0) lines.push('  Ingen kommuner.');
    else
      lines.push(
        ...renderTable(
          [
            'Kommune',
            'Forventede antal ledige',
            'Faktisk antal ledige',
            'Forskel',
            'Gns. passivandel de seneste 12 mdr. (%)',
          ],
          table.rows.map((row) => [
            `${row.municipality.name} (${row.municipality.code})`,
            formatDanishNumber(row.resultGoal.expectedCountPublished),
            formatDanishNumber(row.resultGoal.actualCountPublished),
            `${formatDanishNumber(row.resultGoal.differencePersonsPublished)} (${formatSignedAgainstZero(row.resultGoal.differencePoints)})`,
            formatAgainst(row.measure, table.threshold.value),
          ]),
          ['left', 'right', 'right', 'right', 'right'],
        ),
      );
    for (const note of table.notes) lines.push(`  Anm.: ${note}`);
  }
  lines.push('', report.contacts.title);
  if (report.contacts.rows.length === 0) lines.push('  Ingen kommuner.');
  else
    lines.push(
      ...renderTable(
        [
          'Kommune',
          'Indledende møde/kontakt',
          'Ønsker kommunen bistand',
          'Foretaget afdækning',
          'Indsats i kommunen',
        ],
        report.contacts.rows.map((row) => [
          `${row.municipality.name} (${row.municipality.code})`,
          row.firstContact === null ? '' : formatDanishDate(row.firstContact as IsoDate),
          row.wantsAssistance === null ? '' : WANTS_ASSISTANCE_LABELS[row.wantsAssistance],
          row.mappingDone === null ? '' : row.mappingDone ? 'Ja' : 'Nej',
          row.effort ?? '',
        ]),
      ),
    );
  lines.push('', report.appendix.title);
  const months = report.appendix.months.map((month) => shortDanishMonth(month as YearMonth));
  lines.push(
    ...renderTable(
      [
        'Kommune',
        ...months.map((month) => `Samt. ${month}`),
        'Samt. 12 mdr.',
        ...months.map((month) => `Tilb. ${month}`),
        'Tilb. 12 mdr.',
      ],
      report.appendix.rows.map((row) => [
        `${row.municipality.name} (${row.municipality.code})`,
        ...row.goals.conversations.monthly.map(share),
        share(row.goals.conversations.average),
        ...row.goals.offers.monthly.map(share),
        share(row.goals.offers.average),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  lines.push('', 'Anm.:');
  report.notes.forEach((note, index) =>
    lines.push(`  ${index + 1}. ${note.text}${note.source === null ? '' : ` (${note.source})`}`),
  );
  lines.push('', report.source.text);
  return `${lines.join('\n')}\n`;
}
