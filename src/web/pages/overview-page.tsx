/**
 * The national overview: every municipality (an AMK user: its region) with
 * its status, both focus measures against the thresholds, the result goal
 * and the risk at the next assessment — sortable, filterable, and a ranked
 * chart of the 12-month averages against the threshold.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import type { OverviewMunicipality, OverviewResponse } from '../../cases/views/overview-types.js';
import { Data, Page } from '../components/page.js';
import { PlotFigure } from '../components/plot-figure.js';
import { SortableTable, type Column } from '../components/sortable-table.js';
import {
  danishCollator,
  formatAgainst,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSigned,
  municipalityLabel,
} from '../format.js';
import { GOAL_LABELS, GOALS, OUTCOME_LABELS, RISK_LABELS, type Goal } from '../labels.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

export function OverviewPage() {
  const loaded = useApi<OverviewResponse>('/api/web/overview');
  return <Data loaded={loaded}>{(overview) => <Overview overview={overview} />}</Data>;
}

function Overview({ overview }: { readonly overview: OverviewResponse }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('alle');
  const [risk, setRisk] = useState('alle');
  const [chartGoal, setChartGoal] = useState<Goal>('offers');
  const statuses = useMemo(
    () =>
      [...new Set(overview.municipalities.map((municipality) => municipality.statusLabel))].sort(
        (a, b) => danishCollator.compare(a, b),
      ),
    [overview],
  );
  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return overview.municipalities.filter(
      (municipality) =>
        (needle === '' ||
          municipality.name.toLowerCase().includes(needle) ||
          String(municipality.code).startsWith(needle)) &&
        (status === 'alle' || municipality.statusLabel === status) &&
        (risk === 'alle' || municipality.risk === risk),
    );
  }, [overview, query, status, risk]);
  const thresholds = overview.thresholds;
  const columns: readonly Column<OverviewMunicipality>[] = [
    {
      key: 'name',
      header: 'Kommune',
      rowHeader: true,
      sortValue: (row) => row.name,
      render: (row) => <Link to={`/kommuner/${String(row.code)}`}>{municipalityLabel(row)}</Link>,
    },
    { key: 'amk', header: 'AMK', sortValue: (row) => row.amk, render: (row) => row.amk ?? '–' },
    {
      key: 'status',
      header: 'Status',
      sortValue: (row) => row.statusLabel,
      render: (row) => row.statusLabel,
    },
    ...GOALS.flatMap((goal): Column<OverviewMunicipality>[] => [
      {
        key: `${goal}-latest`,
        header: `${GOAL_LABELS[goal]}, ${formatMonth(overview.month)} (%)`,
        numeric: true,
        sortValue: (row) => row.goals[goal].latest,
        render: (row) => formatAgainst(row.goals[goal].latest, thresholds[goal].value),
      },
      {
        key: `${goal}-average`,
        header: `${GOAL_LABELS[goal]}, 12 mdr. gns. (%)`,
        numeric: true,
        sortValue: (row) => row.goals[goal].average,
        render: (row) => (
          <span className={`outcome ${row.goals[goal].outcome}`}>
            {formatAgainst(row.goals[goal].average, thresholds[goal].value)}
            <span className="visually-hidden"> – {OUTCOME_LABELS[row.goals[goal].outcome]}</span>
            <span aria-hidden="true">{row.goals[goal].outcome === 'missed' ? ' ▲' : ''}</span>
          </span>
        ),
      },
    ]),
    {
      key: 'result',
      header: 'Resultatmål (pct.-point)',
      numeric: true,
      sortValue: (row) => row.resultGoal?.differencePoints ?? null,
      render: (row) =>
        row.resultGoal === null ? (
          '–'
        ) : (
          <span className={`outcome ${row.resultGoal.met ? 'met' : 'missed'}`}>
            {formatSigned(row.resultGoal.differencePoints, 2)}{' '}
            <span className="small">({row.resultGoal.met ? 'opfyldt' : 'ikke opfyldt'})</span>
          </span>
        ),
    },
    {
      key: 'risk',
      header: `Risiko ${String(overview.assessmentYear + 1)}`,
      sortValue: (row) =>
        ['at_risk', 'on_the_border', 'under_supervision', 'low'].indexOf(row.risk),
      render: (row) => (
        <span className={`risk ${row.risk}`} title={row.riskReason}>
          {RISK_LABELS[row.risk]}
        </span>
      ),
    },
  ];
  const chartRows = useMemo(
    () => rows.filter((row) => row.goals[chartGoal].average !== null),
    [rows, chartGoal],
  );
  const renderChart = useCallback(
    (width: number) => {
      const threshold = thresholds[chartGoal].value;
      const data = [...chartRows].sort(
        (a, b) => (b.goals[chartGoal].average ?? 0) - (a.goals[chartGoal].average ?? 0),
      );
      return Plot.plot({
        width,
        height: Math.max(240, data.length * 14 + 60),
        marginLeft: 150,
        x: { label: `${GOAL_LABELS[chartGoal]}: andel passive, 12 mdr. gns. (%)`, grid: true },
        y: { label: null, domain: data.map((row) => municipalityLabel(row)) },
        marks: [
          Plot.barX(data, {
            y: (row: OverviewMunicipality) => municipalityLabel(row),
            x: (row: OverviewMunicipality) => row.goals[chartGoal].average,
            fill: (row: OverviewMunicipality) =>
              row.goals[chartGoal].outcome === 'missed' ? '#b3261e' : '#1f5f8b',
          }),
          Plot.ruleX([threshold], { stroke: '#222', strokeDasharray: '4,3', strokeWidth: 1.5 }),
          Plot.text([threshold], {
            x: (value: number) => value,
            frameAnchor: 'top',
            dy: -2,
            text: () => `Grænse ${formatPercent(threshold)} %`,
            textAnchor: 'start',
            dx: 4,
          }),
        ],
      });
    },
    [chartRows, chartGoal, thresholds],
  );
  const missed = chartRows.filter((row) => row.goals[chartGoal].outcome === 'missed').length;
  return (
    <Page
      title={overview.amk === null ? 'Landsoversigt' : `Oversigt for ${overview.amk}`}
      lead={
        <>
          Status for {formatMonth(overview.month)}: fokusmålene måles mod grænserne for opgørelsen
          af {overview.assessmentYear} (samtaler under{' '}
          {formatPercent(thresholds.conversations.value)} %, tilbud under{' '}
          {formatPercent(thresholds.offers.value)} %), som foretages{' '}
          {formatDate(overview.assessmentDate)}. Landstal, 12 mdr. gns.: samtaler{' '}
          {formatPercent(overview.national.conversations.average)} %, tilbud{' '}
          {formatPercent(overview.national.offers.average)} %.
        </>
      }
      actions={
        <a className="button" href="/api/web/overview?format=csv" download>
          Hent CSV (Excel)
        </a>
      }
    >
      <form
        className="filters"
        role="search"
        aria-label="Filtrér kommunerne"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <div className="field">
          <label htmlFor="filter-query">Kommune (navn eller kode)</label>
          <input
            id="filter-query"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
            }}
          >
            <option value="alle">Alle</option>
            {statuses.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-risk">Risiko</label>
          <select
            id="filter-risk"
            value={risk}
            onChange={(event) => {
              setRisk(event.target.value);
            }}
          >
            <option value="alle">Alle</option>
            {Object.entries(RISK_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <p className="count" role="status">
          {formatNumber(rows.length)} af {formatNumber(overview.municipalities.length)} kommuner
        </p>
      </form>
      <SortableTable
        caption={`Kommunerne, ${formatMonth(overview.month)}. ▲ = over grænsen (fokusmålet ikke opfyldt).`}
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.code)}
        initialSort={{ key: 'name', descending: false }}
      />
      <section aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">Rangering</h2>
        <fieldset className="segmented">
          <legend>Fokusmål i figuren</legend>
          {GOALS.map((goal) => (
            <label key={goal}>
              <input
                type="radio"
                name="chart-goal"
                value={goal}
                checked={chartGoal === goal}
                onChange={() => {
                  setChartGoal(goal);
                }}
              />
              {GOAL_LABELS[goal]}
            </label>
          ))}
        </fieldset>
        <PlotFigure
          caption={`${GOAL_LABELS[chartGoal]}: kommunerne rangeret efter 12 måneders gennemsnit, ${formatMonth(overview.month)}`}
          description={`${formatNumber(missed)} af ${formatNumber(chartRows.length)} viste kommuner ligger over grænsen på ${formatPercent(thresholds[chartGoal].value)} % (røde søjler). Den stiplede linje er grænsen (${thresholds[chartGoal].citation}).`}
          render={renderChart}
        />
      </section>
      <p className="source">{overview.source}</p>
    </Page>
  );
}
