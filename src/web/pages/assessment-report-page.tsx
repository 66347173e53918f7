/**
 * The annual assessment report of a year as a web page — the decisions
 * counted, the summary and each municipality's result goal, focus goals and
 * decision — with the same report as PDF and Excel to download.
 */
import type {
  AssessmentReport,
  AssessmentReportRow,
} from '../../core/assessment-report/assessment-report.js';
import { Data, Page } from '../components/page.js';
import { formatNumber, formatPercent, formatSigned, municipalityLabel } from '../format.js';
import { GOAL_LABELS, GOALS, OUTCOME_LABELS } from '../labels.js';
import { Link, navigate, queryParameter, useLocation } from '../router.js';
import { useApi } from '../use-api.js';

/** The first assessment year of the regime (the assessment of 2021). */
const FIRST_YEAR = 2021;

/**
 * The mark of a notable row, in words (the row's colour only repeats it):
 * what the decision does to the case, or — for a municipality that stays
 * out — that it missed the result goal and a focus goal.
 */
const MARKS: Readonly<Record<string, { readonly text: string; readonly tone: string }>> = {
  selected: { text: 'Udtages', tone: 'selected' },
  extended: { text: 'Forlænges', tone: 'extended' },
  supervision_ends: { text: 'Tilsyn ophører', tone: 'ended' },
  administration: { text: 'Administration', tone: 'selected' },
  administration_continues: { text: 'Fortsat administration', tone: 'extended' },
  administration_ends: { text: 'Administration ophører', tone: 'ended' },
  requires_judgement: { text: 'Kræver vurdering', tone: 'extended' },
  stays_out: { text: 'Mål ikke nået', tone: 'watch' },
};

function markOf(row: AssessmentReportRow) {
  if (!row.notable) return undefined;
  return MARKS[row.decision.kind] ?? { text: 'Bemærk', tone: 'watch' };
}

export function AssessmentReportPage() {
  const path = useLocation();
  const chosen = queryParameter(path, 'aar');
  const query = chosen === null ? '' : `?year=${encodeURIComponent(chosen)}`;
  // The newest year the figures allow is the one the server answers without a year.
  const latest = useApi<AssessmentReport>('/api/web/reports/assessment');
  const loaded = useApi<AssessmentReport>(`/api/web/reports/assessment${query}`);
  const newest = latest.state === 'ready' ? latest.data.year : null;
  return (
    <Data loaded={loaded}>
      {(report) => <Report report={report} query={query} newest={newest ?? report.year} />}
    </Data>
  );
}

function Report(props: {
  readonly report: AssessmentReport;
  readonly query: string;
  readonly newest: number;
}) {
  const { report, query, newest } = props;
  const years: number[] = [];
  for (let year = newest; year >= FIRST_YEAR; year -= 1) years.push(year);
  return (
    <Page
      title={report.title}
      lead={`${report.subtitle}. Regler: ${report.rules.instrument}.`}
      actions={
        <>
          <a className="button" href={`/api/web/reports/assessment.pdf${query}`} download>
            Hent som PDF
          </a>
          <a className="button" href={`/api/web/reports/assessment.xlsx${query}`} download>
            Hent som Excel
          </a>
          <a
            className="button"
            href={`/api/web/reports/assessment${query === '' ? '?' : `${query}&`}format=csv`}
            download
          >
            Hent CSV (Excel)
          </a>
        </>
      }
    >
      <ReportTabs current="/rapporter/opgoerelse" />
      <p>
        <label htmlFor="assessment-year">Opgørelsesår </label>
        <select
          id="assessment-year"
          value={report.year}
          onChange={(event) => {
            navigate(`/rapporter/opgoerelse?aar=${event.target.value}`);
          }}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </p>
      <section aria-labelledby="summary">
        <h2 id="summary">Sammenfatning</h2>
        {report.summary.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <table>
          <caption>Afgørelser ved opgørelsen af {report.year}</caption>
          <thead>
            <tr>
              <th scope="col">Afgørelse</th>
              <th scope="col" className="numeric">
                Kommuner
              </th>
            </tr>
          </thead>
          <tbody>
            {report.decisionCounts.map((count) => (
              <tr key={count.kind}>
                <th scope="row">{count.label}</th>
                <td className="numeric">{formatNumber(count.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="municipalities">
        <h2 id="municipalities">Kommunerne</h2>
        <p className="legend" id="marks-legend">
          Rækker med en markering er kommuner, hvis sag ændres eller fortsætter ved opgørelsen
          (markeret fx »Udtages«, »Forlænges«, »Tilsyn ophører«), og kommuner uden for tilsyn, der
          ikke når resultatmålet og et fokusmål (»Mål ikke nået«).
        </p>
        <div className="table-scroll">
          <table aria-describedby="marks-legend">
            <caption>
              Resultatmål og fokusmål (grænser:{' '}
              {GOALS.map(
                (goal) => `${GOAL_LABELS[goal]} ${formatPercent(report.thresholds[goal].value)} %`,
              ).join(', ')}
              )
            </caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col" className="numeric">
                  Forventet andel (%)
                </th>
                <th scope="col" className="numeric">
                  Faktisk andel (%)
                </th>
                <th scope="col" className="numeric">
                  Forskel (%-point)
                </th>
                <th scope="col">Resultatmål</th>
                {GOALS.map((goal) => (
                  <th scope="col" className="numeric" key={goal}>
                    {GOAL_LABELS[goal]} (%)
                  </th>
                ))}
                <th scope="col">Status før</th>
                <th scope="col">Afgørelse</th>
              </tr>
            </thead>
            <tbody>
              {report.municipalities.map((row) => (
                <Row key={row.municipality.code} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="source">
        <h2 id="source">Kilde</h2>
        <p>{report.source.text}</p>
      </section>
    </Page>
  );
}

function Row({ row }: { readonly row: AssessmentReportRow }) {
  const { resultGoal } = row;
  const mark = markOf(row);
  return (
    <tr className={mark === undefined ? undefined : `notable ${mark.tone}`}>
      <th scope="row">
        <Link to={`/kommuner/${String(row.municipality.code)}`}>
          {municipalityLabel(row.municipality)}
        </Link>
        {mark === undefined ? null : (
          <>
            {' '}
            <strong className="mark">{mark.text}</strong>
          </>
        )}
      </th>
      <td className="numeric">{formatPercent(resultGoal.expectedShare)}</td>
      <td className="numeric">{formatPercent(resultGoal.actualShare)}</td>
      <td className="numeric">{formatSigned(resultGoal.differencePoints)}</td>
      <td>{resultGoal.met ? 'Opfyldt' : 'Ikke opfyldt'}</td>
      {GOALS.map((goal) => {
        const focus = row.focusGoals[goal];
        return (
          <td className="numeric" key={goal}>
            {formatPercent(focus.measure)}{' '}
            <span className={`outcome ${focus.outcome}`}>{OUTCOME_LABELS[focus.outcome]}</span>
          </td>
        );
      })}
      <td>{row.statusBefore.label}</td>
      <td>{row.decision.label}</td>
    </tr>
  );
}

/** The reports' tabs: the quarterly status report, the annual assessment report and the benchmark report. */
export function ReportTabs({ current }: { readonly current: string }) {
  return (
    <nav aria-label="Rapporter" className="report-nav">
      <ul className="tabs">
        <li>
          <Link to="/rapporter" aria-current={current === '/rapporter' ? 'page' : undefined}>
            Kvartalsrapport
          </Link>
        </li>
        <li>
          <Link
            to="/rapporter/opgoerelse"
            aria-current={current === '/rapporter/opgoerelse' ? 'page' : undefined}
          >
            Årlig opgørelse
          </Link>
        </li>
        <li>
          <Link
            to="/rapporter/benchmark"
            aria-current={current === '/rapporter/benchmark' ? 'page' : undefined}
          >
            Benchmark
          </Link>
        </li>
      </ul>
    </nav>
  );
}
