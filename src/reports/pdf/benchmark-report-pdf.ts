/**
 * The benchmark report as a PDF (landscape): the result measure ranked 1–98
 * with the best marked green and the worst red, each municipality against
 * its cluster, then each benchmark measure ranked the same way, the clusters
 * and the notes.
 */
import { covariateLabel } from '../benchmark-labels.js';
import { isoDateOf } from '../../core/calendar/iso-date.js';
import type {
  BenchmarkReportData,
  ClusterFigures,
} from '../../core/benchmark/benchmark-report-data.js';
import { formatDanishNumber, formatDanishSigned } from '../../core/danish-format.js';
import type { PdfFonts } from './pdf-fonts.js';
import { PdfWriter } from './pdf-writer.js';
import { REPORT_AUTHOR } from './status-report-pdf.js';

const number = (value: number | null, decimals: number) =>
  value === null ? '–' : formatDanishNumber(value, decimals);
const signed = (value: number | null, decimals: number) =>
  value === null ? '–' : formatDanishSigned(value, decimals);

function clusterCells(cluster: ClusterFigures | null, decimals: number): string[] {
  if (cluster === null) return ['', '', '', ''];
  return [
    String(cluster.cluster),
    number(cluster.clusterMean, decimals),
    signed(cluster.differenceFromClusterMean, decimals),
    cluster.rankInCluster === null ? '–' : `${cluster.rankInCluster} af ${cluster.clusterSize}`,
  ];
}

const CLUSTER_COLUMNS = [
  { header: 'Klynge', width: 0.8, align: 'right' as const },
  { header: 'Klyngens gns.', width: 1.2, align: 'right' as const },
  { header: 'Forskel fra klyngen', width: 1.3, align: 'right' as const },
  { header: 'Plads i klyngen', width: 1.2, align: 'right' as const },
];

export async function benchmarkReportPdf(
  report: BenchmarkReportData,
  fonts: PdfFonts,
): Promise<Uint8Array> {
  const pdf = new PdfWriter(fonts, {
    title: report.title,
    date: isoDateOf(report.year, 12, 31),
    author: REPORT_AUTHOR,
    landscape: true,
    footer: report.title,
  });
  pdf.heading(report.title, 1);
  pdf.paragraph(report.subtitle, { size: 11, bold: true, gap: 0.6 });
  pdf.paragraph(`Forventede ydelsesgrader: ${report.expectedRatesSource}.`);
  if (report.model)
    pdf.paragraph(
      `Benchmarkmodel ${report.model.id}: ${report.model.municipalities} kommuner, forklarende rammevilkår ${report.model.covariates.map(covariateLabel).join(', ')}` +
        (report.model.rSquared === null
          ? '.'
          : `, R² ${formatDanishNumber(report.model.rSquared, 3)}.`),
    );
  pdf.paragraph('Grøn: de bedste; rød: de dårligste. Klynge: kommuner med lignende rammevilkår.', {
    size: 8.5,
  });
  pdf.heading(report.result.title);
  pdf.table(
    [
      { header: 'Plads', width: 0.7, align: 'right' },
      { header: 'Kommune', width: 2.4 },
      { header: 'Forventet (%)', width: 1.1, align: 'right' },
      { header: 'Faktisk (%)', width: 1.1, align: 'right' },
      { header: 'Forskel (pct.-point)', width: 1.2, align: 'right' },
      { header: 'Forventet antal', width: 1.2, align: 'right' },
      { header: 'Faktisk antal', width: 1.2, align: 'right' },
      { header: 'Forskel (antal)', width: 1.1, align: 'right' },
      ...CLUSTER_COLUMNS,
    ],
    report.result.rows.map((row) => ({
      cells: [
        String(row.rank),
        `${row.municipality.name} (${row.municipality.code})`,
        formatDanishNumber(row.expectedShare, 2),
        formatDanishNumber(row.actualShare, 2),
        formatDanishSigned(row.differencePoints, 2),
        formatDanishNumber(row.expectedCount),
        formatDanishNumber(row.actualCount),
        formatDanishSigned(row.differenceCount, 0),
        ...clusterCells(row.cluster, 2),
      ],
      ...(row.highlight === null ? {} : { fill: row.highlight }),
    })),
    7.5,
  );
  for (const measure of report.measures) {
    pdf.newPage();
    pdf.heading(
      `${measure.title} — ${measure.scope}, ${measure.month} (${measure.directionLabel})`,
    );
    pdf.table(
      [
        { header: 'Plads', width: 0.7, align: 'right' },
        { header: 'Kommune', width: 2.6 },
        { header: 'Værdi', width: 1.2, align: 'right' },
        ...CLUSTER_COLUMNS,
      ],
      measure.rows.map((row) => ({
        cells: [
          row.rank === null ? '–' : String(row.rank),
          `${row.municipality.name} (${row.municipality.code})`,
          number(row.value, 1),
          ...clusterCells(row.cluster, 1),
        ],
        ...(row.highlight === null ? {} : { fill: row.highlight }),
      })),
      7.5,
    );
  }
  if (report.clusters) {
    pdf.heading(
      `Klyngerne (${report.clusters.count}; rammevilkår ${report.clusters.covariates.map(covariateLabel).join(', ')})`,
    );
    report.clusters.members.forEach((cluster) => {
      pdf.paragraph(
        `Klynge ${cluster.id}: ${cluster.municipalities.map((member) => member.name).join(', ')}.`,
        {
          size: 8.5,
        },
      );
    });
  }
  if (report.notes.length > 0) {
    pdf.heading('Anmærkninger');
    pdf.bullets(report.notes, 8.5);
  }
  return pdf.finish();
}
