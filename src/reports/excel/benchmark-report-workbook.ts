/**
 * The benchmark report as an Excel workbook: the result measure ranked with
 * the best green and the worst red and each municipality against its
 * cluster, one sheet per benchmark measure, and the clusters.
 */
import { covariateLabel } from '../benchmark-labels.js';
import { isoDateOf } from '../../core/calendar/iso-date.js';
import type {
  BenchmarkMeasureRow,
  BenchmarkReportData,
  BenchmarkResultRow,
} from '../../core/benchmark/benchmark-report-data.js';
import {
  addTableSheet,
  addTextSheet,
  COUNT_FORMAT,
  newWorkbook,
  SHARE_FORMAT,
  SIGNED_POINTS_FORMAT,
  workbookBytes,
  type SheetColumn,
} from './workbook-builder.js';

function clusterColumns<Row extends { cluster: BenchmarkResultRow['cluster'] }>(
  numFmt: string,
  signedFmt: string,
): SheetColumn<Row>[] {
  return [
    { header: 'Klynge', width: 8, value: (row) => row.cluster?.cluster ?? null },
    {
      header: 'Klyngens gns.',
      width: 11,
      value: (row) => row.cluster?.clusterMean ?? null,
      numFmt,
    },
    {
      header: 'Forskel fra klyngen',
      width: 11,
      value: (row) => row.cluster?.differenceFromClusterMean ?? null,
      numFmt: signedFmt,
    },
    { header: 'Plads i klyngen', width: 10, value: (row) => row.cluster?.rankInCluster ?? null },
    { header: 'Kommuner i klyngen', width: 10, value: (row) => row.cluster?.clusterSize ?? null },
  ];
}

export async function benchmarkReportWorkbook(report: BenchmarkReportData): Promise<Uint8Array> {
  const workbook = newWorkbook(report.title, isoDateOf(report.year, 12, 31));
  addTextSheet(workbook, 'Oversigt', report.title, [
    report.subtitle,
    `Forventede ydelsesgrader: ${report.expectedRatesSource}.`,
    ...(report.model
      ? [
          `Benchmarkmodel ${report.model.id}: ${report.model.municipalities} kommuner; rammevilkår ${report.model.covariates.map(covariateLabel).join(', ')}.`,
        ]
      : []),
    'Grøn: de bedste; rød: de dårligste. Klynge: kommuner med lignende rammevilkår.',
    ...report.notes,
  ]);
  const highlight = (row: { highlight: BenchmarkResultRow['highlight'] }) =>
    row.highlight ?? undefined;
  addTableSheet<BenchmarkResultRow>(workbook, {
    name: 'Resultatmål',
    title: report.result.title,
    columns: [
      { header: 'Plads', width: 7, value: (row) => row.rank },
      { header: 'Kommune', width: 20, value: (row) => row.municipality.name },
      { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
      {
        header: 'Forventet ydelsesgrad (%)',
        width: 13,
        value: (row) => row.expectedShare,
        numFmt: '#,##0.00',
      },
      {
        header: 'Faktisk ydelsesgrad (%)',
        width: 13,
        value: (row) => row.actualShare,
        numFmt: '#,##0.00',
      },
      {
        header: 'Forskel (pct.-point)',
        width: 12,
        value: (row) => row.differencePoints,
        numFmt: SIGNED_POINTS_FORMAT,
      },
      {
        header: 'Forventet antal',
        width: 12,
        value: (row) => row.expectedCount,
        numFmt: COUNT_FORMAT,
      },
      { header: 'Faktisk antal', width: 12, value: (row) => row.actualCount, numFmt: COUNT_FORMAT },
      {
        header: 'Forskel (antal)',
        width: 12,
        value: (row) => row.differenceCount,
        numFmt: '+#,##0;-#,##0;0',
      },
      ...clusterColumns<BenchmarkResultRow>(SIGNED_POINTS_FORMAT, SIGNED_POINTS_FORMAT),
    ],
    rows: report.result.rows,
    fill: highlight,
  });
  report.measures.forEach((measure, index) => {
    addTableSheet<BenchmarkMeasureRow>(workbook, {
      name: `Måling ${index + 1}`,
      title: `${measure.title} — ${measure.scope}, ${measure.month}`,
      intro: [`Rangordning: ${measure.directionLabel}.`],
      columns: [
        { header: 'Plads', width: 7, value: (row) => row.rank },
        { header: 'Kommune', width: 20, value: (row) => row.municipality.name },
        { header: 'Kommunekode', width: 12, value: (row) => row.municipality.code },
        { header: 'Værdi', width: 10, value: (row) => row.value, numFmt: SHARE_FORMAT },
        ...clusterColumns<BenchmarkMeasureRow>(SHARE_FORMAT, '+#,##0.0;-#,##0.0;0.0'),
      ],
      rows: measure.rows,
      fill: highlight,
    });
  });
  if (report.clusters)
    addTableSheet(workbook, {
      name: 'Klynger',
      title: `Klyngerne: rammevilkår ${report.clusters.covariates.map(covariateLabel).join(', ')}`,
      columns: [
        {
          header: 'Klynge',
          width: 8,
          value: (row: { id: number; name: string; code: number }) => row.id,
        },
        { header: 'Kommune', width: 20, value: (row) => row.name },
        { header: 'Kommunekode', width: 12, value: (row) => row.code },
      ],
      rows: report.clusters.members.flatMap((cluster) =>
        cluster.municipalities.map((member) => ({ id: cluster.id, ...member })),
      ),
    });
  return workbookBytes(workbook);
}
