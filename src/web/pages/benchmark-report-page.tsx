/**
 * The benchmark report of a year as a web page (reports.md "Benchmark
 * report", seed 001): the result measure ranked 1–98 as a chart and a
 * table, the best and the worst marked by a word and a symbol (not by colour
 * only), each municipality against its cluster of similar framework
 * conditions, each benchmark measure ranked, the clusters — with the same
 * report as PDF and Excel to download. When there is no benchmark of the
 * year the page says why.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useState } from 'react';
import type {
  BenchmarkMeasureSection,
  BenchmarkReportData,
  ClusterFigures,
  Highlight,
} from '../../core/benchmark/benchmark-report-data.js';
import type { WebBenchmarkReport } from '../../reports/benchmark-report-view.js';
import { Data, Page } from '../components/page.js';
import { PlotFigure } from '../components/plot-figure.js';
import { formatNumber, formatPercent, formatSigned, municipalityLabel } from '../format.js';
import { Link, navigate, queryParameter, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { ReportTabs } from './assessment-report-page.js';

/** The first year the page offers (the first assessment year of the regime). */
const FIRST_YEAR = 2021;
const PATH = '/rapporter/benchmark';

const HIGHLIGHT_TEXT: Readonly<Record<'best' | 'worst', string>> = {
  best: '▲ Blandt de bedste',
  worst: '▼ Blandt de dårligste',
};

export function BenchmarkReportPage() {
  const path = useLocation();
  const chosen = queryParameter(path, 'aar');
  const query = chosen === null ? '' : `?year=${encodeURIComponent(chosen)}`;
  // The newest year is the one the server answers without a year.
  const latest = useApi<WebBenchmarkReport>('/api/web/reports/benchmark');
  const loaded = useApi<WebBenchmarkReport>(`/api/web/reports/benchmark${query}`);
  const newest = latest.state === 'ready' ? latest.data.year : null;
  return (
    <Data loaded={loaded}>
      {(view) => <Report view={view} query={query} newest={newest ?? view.year} />}
    </Data>
  );
}

function YearChooser(props: { readonly year: number; readonly newest: number }) {
  const years: number[] = [];
  for (let year = Math.max(props.newest, props.year); year >= FIRST_YEAR; year -= 1)
    years.push(year);
  return (
    <p>
      <label htmlFor="benchmark-year">Benchmarkår </label>
      <select
        id="benchmark-year"
        value={props.year}
        onChange={(event) => {
          navigate(`${PATH}?aar=${event.target.value}`);
        }}
      >
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </p>
  );
}

function Report(props: {
  readonly view: WebBenchmarkReport;
  readonly query: string;
  readonly newest: number;
}) {
  const { view, query, newest } = props;
  if (!view.available)
    return (
      <Page title={`Benchmarking af kommunernes resultater ${String(view.year)}`}>
        <ReportTabs current={PATH} />
        <YearChooser year={view.year} newest={newest} />
        <section aria-labelledby="no-benchmark">
          <h2 id="no-benchmark">Intet benchmark for {view.year}</h2>
          <p className="notice" role="status">
            {view.reason}
          </p>
        </section>
      </Page>
    );
  const { report } = view;
  return (
    <Page
      title={report.title}
      lead={report.subtitle}
      actions={
        <>
          <a className="button" href={`/api/web/reports/benchmark.pdf${query}`} download>
            Hent som PDF
          </a>
          <a className="button" href={`/api/web/reports/benchmark.xlsx${query}`} download>
            Hent som Excel
          </a>
        </>
      }
    >
      <ReportTabs current={PATH} />
      <YearChooser year={view.year} newest={newest} />
      <p>
        Forventede ydelsesgrader: {report.expectedRatesSource}.
        {report.model === null
          ? null
          : ` Modellen er estimeret på ${formatNumber(report.model.municipalities)} kommuner` +
            (report.model.rSquared === null
              ? '.'
              : ` med R² ${formatNumber(report.model.rSquared, 3)}.`)}
      </p>
      <BestAndWorst report={report} />
      <ResultSection report={report} />
      {report.measures.length === 0 ? null : <MeasuresSection measures={report.measures} />}
      {report.clusters === null ? null : (
        <section aria-labelledby="clusters">
          <h2 id="clusters">Klyngerne</h2>
          <p>
            {report.clusters.count} klynger af kommuner med lignende rammevilkår (
            {report.clusters.covariates
              .map((name) => view.covariateLabels[name] ?? name)
              .join(', ')}
            ).
          </p>
          <ul>
            {report.clusters.members.map((cluster) => (
              <li key={cluster.id}>
                <strong>Klynge {cluster.id}:</strong>{' '}
                {cluster.municipalities.map((member) => member.name).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="notes-and-source">
        <h2 id="notes-and-source">Anmærkninger og kilde</h2>
        {report.notes.length === 0 ? null : (
          <ul>
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <p className="source">{view.source}</p>
      </section>
    </Page>
  );
}

function BestAndWorst({ report }: { readonly report: BenchmarkReportData }) {
  const best = report.result.rows.filter((row) => row.highlight === 'best');
  const worst = report.result.rows.filter((row) => row.highlight === 'worst').reverse();
  const list = (rows: typeof best) => (
    <ul>
      {rows.map((row) => (
        <li key={row.municipality.code}>
          <Link to={`/kommuner/${String(row.municipality.code)}`}>
            {municipalityLabel(row.municipality)}
          </Link>
          : plads {row.rank}, {formatSigned(row.differencePoints, 2)} procentpoint
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="best-and-worst">
      <h2 id="best-and-worst">De bedste og de dårligste</h2>
      <div className="two-columns">
        <div>
          <h3>{HIGHLIGHT_TEXT.best.slice(0, 1)} De bedste (længst under det forventede)</h3>
          {list(best)}
        </div>
        <div>
          <h3>{HIGHLIGHT_TEXT.worst.slice(0, 1)} De dårligste (længst over det forventede)</h3>
          {list(worst)}
        </div>
      </div>
    </section>
  );
}

function HighlightCell({ highlight }: { readonly highlight: Highlight }) {
  return <td>{highlight === null ? '' : HIGHLIGHT_TEXT[highlight]}</td>;
}

function ClusterCells(props: {
  readonly cluster: ClusterFigures | null;
  readonly decimals: number;
}) {
  const { cluster, decimals } = props;
  if (cluster === null)
    return (
      <>
        <td className="numeric">–</td>
        <td className="numeric">–</td>
        <td className="numeric">–</td>
        <td className="numeric">–</td>
      </>
    );
  return (
    <>
      <td className="numeric">{cluster.cluster}</td>
      <td className="numeric">{formatNumber(cluster.clusterMean, decimals)}</td>
      <td className="numeric">{formatSigned(cluster.differenceFromClusterMean, decimals)}</td>
      <td className="numeric">
        {cluster.rankInCluster === null
          ? '–'
          : `${String(cluster.rankInCluster)} af ${String(cluster.clusterSize)}`}
      </td>
    </>
  );
}

function ClusterHeaders() {
  return (
    <>
      <th scope="col" className="numeric">
        Klynge
      </th>
      <th scope="col" className="numeric">
        Klyngens gns.
      </th>
      <th scope="col" className="numeric">
        Forskel fra klyngen
      </th>
      <th scope="col" className="numeric">
        Plads i klyngen
      </th>
    </>
  );
}

function ResultSection({ report }: { readonly report: BenchmarkReportData }) {
  const rows = report.result.rows;
  const renderChart = useCallback(
    (width: number) => {
      const data = rows.map((row) => ({
        rank: row.rank,
        difference: row.differencePoints,
        name: row.municipality.name,
        kind:
          row.highlight === 'best'
            ? 'De bedste'
            : row.highlight === 'worst'
              ? 'De dårligste'
              : 'Øvrige',
        symbol: row.highlight === 'best' ? '▲' : row.highlight === 'worst' ? '▼' : '',
      }));
      const marked = data.filter((row) => row.symbol !== '');
      return Plot.plot({
        width,
        height: 360,
        marginLeft: 60,
        marginBottom: 40,
        x: { label: 'Plads (1 = længst under det forventede)', ticks: 10, nice: true },
        y: { label: 'Faktisk − forventet (procentpoint)', grid: true },
        color: {
          legend: true,
          domain: ['De bedste', 'Øvrige', 'De dårligste'],
          range: ['#1b5e20', '#8a8a8a', '#a4161a'],
        },
        marks: [
          Plot.ruleY([0]),
          Plot.rectY(data, {
            x1: (d: { rank: number }) => d.rank - 0.4,
            x2: (d: { rank: number }) => d.rank + 0.4,
            y: 'difference',
            fill: 'kind',
          }),
          // The best and the worst also by a symbol at the bar's end: not by colour only.
          Plot.text(
            marked.filter((d) => d.difference < 0),
            { x: 'rank', y: 'difference', text: 'symbol', dy: 9, fontSize: 11 },
          ),
          Plot.text(
            marked.filter((d) => d.difference >= 0),
            { x: 'rank', y: 'difference', text: 'symbol', dy: -8, fontSize: 11 },
          ),
        ],
      });
    },
    [rows],
  );
  const best = rows.filter((row) => row.highlight === 'best');
  const worst = rows.filter((row) => row.highlight === 'worst');
  const first = rows[0];
  const last = rows[rows.length - 1];
  const description =
    `Søjlediagram over de ${String(rows.length)} kommuner i rækkefølge efter placering: hver søjle er forskellen mellem faktisk og forventet ydelsesgrad i procentpoint; under 0 er bedre end forventet.` +
    (first === undefined || last === undefined
      ? ''
      : ` Spændet går fra ${formatSigned(first.differencePoints, 2)} (${first.municipality.name}) til ${formatSigned(last.differencePoints, 2)} (${last.municipality.name}).`) +
    ` De bedste (▲, grøn): ${best.map((row) => row.municipality.name).join(', ')}. De dårligste (▼, rød): ${worst.map((row) => row.municipality.name).join(', ')}.` +
    ' Tallene bag figuren står i tabellen lige herunder.';
  return (
    <section aria-labelledby="result">
      <h2 id="result">{report.result.title}</h2>
      <PlotFigure
        caption={`Figur 1. Placering på resultatmålet ${report.period}`}
        description={description}
        render={renderChart}
      />
      <div className="table-scroll">
        <table>
          <caption>
            Placering 1–{rows.length}: faktisk mod forventet ydelsesgrad og mod klyngen (klynge:
            kommuner med lignende rammevilkår)
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Plads
              </th>
              <th scope="col">Kommune</th>
              <th scope="col" className="numeric">
                Forventet (%)
              </th>
              <th scope="col" className="numeric">
                Faktisk (%)
              </th>
              <th scope="col" className="numeric">
                Forskel (pct.-point)
              </th>
              <th scope="col" className="numeric">
                Forskel (antal)
              </th>
              <th scope="col">Fremhævet</th>
              <ClusterHeaders />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.municipality.code} className={row.highlight ?? undefined}>
                <td className="numeric">{row.rank}</td>
                <th scope="row">
                  <Link to={`/kommuner/${String(row.municipality.code)}`}>
                    {municipalityLabel(row.municipality)}
                  </Link>
                </th>
                <td className="numeric">{formatPercent(row.expectedShare, 2)}</td>
                <td className="numeric">{formatPercent(row.actualShare, 2)}</td>
                <td className="numeric">{formatSigned(row.differencePoints, 2)}</td>
                <td className="numeric">{formatSigned(row.differenceCount, 0)}</td>
                <HighlightCell highlight={row.highlight} />
                <ClusterCells cluster={row.cluster} decimals={2} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const measureKey = (measure: BenchmarkMeasureSection) =>
  `${measure.measure}|${measure.scope}|${measure.month}`;

function MeasuresSection({ measures }: { readonly measures: readonly BenchmarkMeasureSection[] }) {
  const [chosen, setChosen] = useState<string>(() => {
    const first = measures[0];
    return first === undefined ? '' : measureKey(first);
  });
  const measure = measures.find((candidate) => measureKey(candidate) === chosen) ?? measures[0];
  const titles = [...new Set(measures.map((candidate) => candidate.title))];
  if (measure === undefined) return null;
  return (
    <section aria-labelledby="measures">
      <h2 id="measures">Benchmarkmålingerne</h2>
      <p>
        Hver måling er rangordnet 1–98 for alle ydelser, hver ydelsesgruppe og hver ydelse. Vælg en
        måling:
      </p>
      <p>
        <label htmlFor="benchmark-measure">Måling </label>
        <select
          id="benchmark-measure"
          value={measureKey(measure)}
          onChange={(event) => {
            setChosen(event.target.value);
          }}
        >
          {titles.map((title) => (
            <optgroup key={title} label={title}>
              {measures
                .filter((candidate) => candidate.title === title)
                .map((candidate) => (
                  <option key={measureKey(candidate)} value={measureKey(candidate)}>
                    {candidate.title} – {candidate.scope}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </p>
      <div className="table-scroll">
        <table>
          <caption>
            {measure.title} — {measure.scope}, {measure.month} ({measure.directionLabel})
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Plads
              </th>
              <th scope="col">Kommune</th>
              <th scope="col" className="numeric">
                Værdi
              </th>
              <th scope="col">Fremhævet</th>
              <ClusterHeaders />
            </tr>
          </thead>
          <tbody>
            {measure.rows.map((row) => (
              <tr key={row.municipality.code} className={row.highlight ?? undefined}>
                <td className="numeric">{row.rank ?? '–'}</td>
                <th scope="row">{municipalityLabel(row.municipality)}</th>
                <td className="numeric">{formatNumber(row.value, 1)}</td>
                <HighlightCell highlight={row.highlight} />
                <ClusterCells cluster={row.cluster} decimals={1} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
