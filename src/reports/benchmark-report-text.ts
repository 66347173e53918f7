/**
 * The benchmark report as Danish text for the terminal (`tilsyn benchmark`):
 * the source of the expected rates, the model and its fit, the ranked list
 * with each municipality's cluster, best and worst, the clusters, and the
 * benchmark measures' best and worst (the full lists are in `--json`).
 */
import { danishPeriodName } from '../core/benchmark/benchmark-period.js';
import type { BenchmarkReport } from '../core/benchmark/benchmark-report.js';
import { INTERCEPT } from '../core/benchmark/benchmark-model.js';
import { describeSource } from '../core/benchmark/expected-rates.js';
import type { RankedValue } from '../core/benchmark/rankings.js';
import { monthNumberOf, yearOf } from '../core/calendar/year-month.js';
import { DANISH_MONTHS } from '../core/calendar/iso-date.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { BENCHMARK_MEASURE_LABEL, DIRECTION_LABEL } from './benchmark-labels.js';
import { formatDanishNumber, formatDanishSigned } from '../core/danish-format.js';
import { renderTable, type Alignment } from './text-table.js';

export function formatBenchmarkReport(
  report: BenchmarkReport,
  nameOf: (code: MunicipalityCode) => string,
  notes: readonly string[],
): string {
  const lines: string[] = [];
  const period = danishPeriodName(report.period);
  lines.push(`Benchmark ${period}: forventet og faktisk ydelsesgrad`, '');
  const first = report.rates[0];
  lines.push(`Forventede ydelsesgrader: ${first ? describeSource(first.source) : 'ingen'}`, '');

  if (report.model) {
    const model = report.model;
    lines.push(
      'Benchmarkmodel: vægtet regression (mindste kvadraters metode) af den faktiske ydelsesgrad på rammevilkårene',
      `  Periode ${danishPeriodName(model.period)}, ${model.municipalities} kommuner, vægt: indbyggere 16-66 år, model-id ${model.id}`,
    );
    lines.push(
      ...tableOf(
        [
          { header: 'Kovariat', align: 'left' },
          { header: 'Koefficient', align: 'right' },
          { header: 'Std.fejl', align: 'right' },
          { header: 't-værdi', align: 'right' },
        ],
        model.coefficients.map((c) => [
          c.name === INTERCEPT ? 'Konstantled' : c.name,
          formatDanishNumber(c.estimate, 4),
          formatDanishNumber(c.standardError, 4),
          formatDanishNumber(c.tValue, 2),
        ]),
      ),
    );
    lines.push(
      `  R² (vægtet): ${optional(model.rSquared, 3)}   Justeret R²: ${optional(model.adjustedRSquared, 3)}   ` +
        `Residualspredning: ${formatDanishNumber(model.residualStandardError, 3)} pct.-point (${model.residualDegreesOfFreedom} frihedsgrader)`,
      '',
    );
  }

  lines.push('Rangliste (placering 1 = længst under den forventede ydelsesgrad)');
  const clustered = report.clustering !== undefined;
  lines.push(
    ...tableOf(
      [
        { header: 'Kommune', align: 'left' },
        { header: 'Forventet andel', align: 'right' },
        { header: 'Faktisk andel', align: 'right' },
        { header: 'Forskel (pct.-point)', align: 'right' },
        { header: 'Forventet antal', align: 'right' },
        { header: 'Faktisk antal', align: 'right' },
        { header: 'Forskel (fuldtidspersoner)', align: 'right' },
        { header: 'Placering', align: 'right' },
        ...(clustered
          ? [
              { header: 'Klynge', align: 'right' as const },
              { header: 'Ift. klyngens gns.', align: 'right' as const },
              { header: 'Plac. i klynge', align: 'right' as const },
            ]
          : []),
      ],
      report.rates.map((rate) => [
        nameOf(rate.municipality),
        formatDanishNumber(rate.expectedShare, 2),
        formatDanishNumber(rate.actualShare, 2),
        formatDanishSigned(rate.differencePoints, 2),
        formatDanishNumber(rate.expectedCount, 0),
        formatDanishNumber(rate.actualCount, 0),
        formatDanishSigned(rate.differenceCount, 0),
        String(rate.rank),
        ...(clustered
          ? [
              rate.cluster ? String(rate.cluster.cluster) : '–',
              rate.cluster?.differenceFromClusterMean === undefined
                ? '–'
                : formatDanishSigned(rate.cluster.differenceFromClusterMean, 2),
              rate.cluster?.rankInCluster === undefined
                ? '–'
                : `${rate.cluster.rankInCluster} af ${rate.cluster.clusterSize}`,
            ]
          : []),
      ]),
    ),
  );
  lines.push(
    '',
    `Bedste ${report.best.length}: ${report.best.map((r) => `${r.rank}. ${nameOf(r.municipality)} (${formatDanishSigned(r.differencePoints, 2)})`).join(', ')}`,
    `Dårligste ${report.worst.length}: ${report.worst.map((r) => `${r.rank}. ${nameOf(r.municipality)} (${formatDanishSigned(r.differencePoints, 2)})`).join(', ')}`,
    '',
  );

  if (report.clustering) {
    const clustering = report.clustering;
    lines.push(
      `Klynger af kommuner med lignende rammevilkår (Ward-klyngedannelse på standardiserede rammevilkår, ${clustering.clusterCount} klynger)`,
    );
    lines.push(
      ...tableOf(
        [
          { header: 'Klynge', align: 'right' },
          { header: 'Kommuner', align: 'right' },
          ...clustering.covariates.map((name) => ({
            header: `Gns. ${name}`,
            align: 'right' as const,
          })),
        ],
        clustering.clusters.map((cluster) => [
          String(cluster.id),
          String(cluster.members.length),
          ...cluster.centroid.map((value) => formatDanishNumber(value, 2)),
        ]),
      ),
    );
    for (const cluster of clustering.clusters) {
      lines.push(`  Klynge ${cluster.id}: ${cluster.members.map(nameOf).join(', ')}`);
    }
    lines.push('');
  }

  if (report.measures.length > 0) {
    const shown = report.measures.filter((m) => m.scope === 'all');
    const month = shown[0]?.month ?? report.measures[0]?.month;
    lines.push(
      `Benchmarkmålinger${month ? `, ${DANISH_MONTHS[monthNumberOf(month) - 1] ?? ''} ${yearOf(month)}` : ''}, alle ydelser (hele ranglister og grupper med --json)`,
    );
    for (const measure of shown) {
      const ranked = measure.ranking.filter((r) => r.rank !== undefined).length;
      lines.push(
        `  ${BENCHMARK_MEASURE_LABEL[measure.measure]}; ${DIRECTION_LABEL[measure.direction]}; ${ranked} kommuner rangordnet`,
        `    Bedste: ${describeRanked(measure.best, nameOf)}`,
        `    Dårligste: ${describeRanked(measure.worst, nameOf)}`,
      );
    }
    lines.push('');
  }

  if (notes.length > 0) {
    lines.push('Noter:', ...notes.map((note) => `  - ${note}`), '');
  }
  return lines.join('\n');
}

function describeRanked(
  entries: readonly RankedValue[],
  nameOf: (code: MunicipalityCode) => string,
): string {
  if (entries.length === 0) return '–';
  return entries
    .map(
      (entry) =>
        `${entry.rank ?? '–'}. ${nameOf(entry.municipality)} (${entry.value === undefined ? '–' : formatDanishNumber(entry.value, 1)})`,
    )
    .join(', ');
}

function optional(value: number | undefined, decimals: number): string {
  return value === undefined ? '–' : formatDanishNumber(value, decimals);
}

interface TextColumn {
  readonly header: string;
  readonly align: Alignment;
}

function tableOf(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string[] {
  return renderTable(
    columns.map((column) => column.header),
    rows,
    columns.map((column) => column.align),
  );
}

/** `tilsyn benchmark --from … --to … --out`: one line per year, its source and notes. */
export function formatBenchmarkYears(
  years: readonly {
    readonly year: number;
    readonly report: BenchmarkReport;
    readonly notes: readonly string[];
  }[],
  out: string,
): string {
  const lines = years.flatMap(({ year, report, notes }) => {
    const first = report.rates[0];
    return [
      `${year}: ${report.rates.length} ${report.rates.length === 1 ? 'kommune' : 'kommuner'}, ${first ? describeSource(first.source) : 'ingen forventede ydelsesgrader'}`,
      ...notes.map((note) => `  Bemærk: ${note}`),
    ];
  });
  const span = `${years[0]?.year ?? ''}–${years[years.length - 1]?.year ?? ''}`;
  return [
    `Forventede ydelsesgrader ${span}`,
    ...lines,
    `Forventede ydelsesgrader for ${span} skrevet til ${out}`,
    '',
  ].join('\n');
}
