/**
 * The quarterly status report "Opfølgning på kommunernes afgivelse af
 * samtaler og tilbud mv." as a web page — Figure 1, Tables 1–3, the
 * appendix, the notes and the source — with the same report as PDF and
 * Excel to download.
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { StatusReport } from '../../core/status-report/status-report-types.js';
import { Data, Page } from '../components/page.js';
import { PlotFigure } from '../components/plot-figure.js';
import {
  formatAgainst,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortMonth,
  formatSigned,
  municipalityLabel,
} from '../format.js';
import { GOAL_LABELS, GOALS, OUTCOME_LABELS } from '../labels.js';
import { Link } from '../router.js';
import { ReportTabs } from './assessment-report-page.js';
import { useApi } from '../use-api.js';

const ANSWERS: Readonly<Record<string, string>> = {
  ja: 'Ja',
  nej: 'Nej',
  ikke_besluttet: 'Ikke besluttet',
};

export function StatusReportPage() {
  const loaded = useApi<StatusReport>('/api/web/reports/status');
  return <Data loaded={loaded}>{(report) => <Report report={report} />}</Data>;
}

function Report({ report }: { readonly report: StatusReport }) {
  const renderFigure = useCallback(
    (width: number) => {
      const rows = report.figure.months.flatMap((month) =>
        GOALS.map((goal) => ({
          date: new Date(`${month.month}-15T00:00:00Z`),
          goal: GOAL_LABELS[goal],
          share: month.share[goal],
          threshold: month.threshold[goal],
        })),
      );
      return Plot.plot({
        width,
        height: 320,
        marginLeft: 50,
        y: { label: 'Andel passive (%)', grid: true, zero: true },
        x: {
          label: null,
          type: 'utc',
          tickFormat: (date: Date) => formatShortMonth(date.toISOString().slice(0, 7)),
        },
        color: {
          legend: true,
          domain: GOALS.map((goal) => GOAL_LABELS[goal]),
          range: ['#1f5fa8', '#b35300'],
        },
        marks: [
          Plot.lineY(rows, { x: 'date', y: 'share', stroke: 'goal', strokeWidth: 2.5 }),
          Plot.dot(rows, { x: 'date', y: 'share', fill: 'goal', r: 2.5 }),
          Plot.lineY(rows, {
            x: 'date',
            y: 'threshold',
            stroke: 'goal',
            strokeDasharray: '6,4',
            curve: 'step',
          }),
        ],
      });
    },
    [report],
  );
  const first = report.figure.months[0];
  const last = report.figure.months[report.figure.months.length - 1];
  return (
    <Page
      title={report.title}
      lead={`${report.subtitle}. Regler: ${report.rules.instrument} (opgørelsen af ${String(report.assessmentYear)}).`}
      actions={
        <>
          <a className="button" href="/api/web/reports/status.pdf" download>
            Hent som PDF
          </a>
          <a className="button" href="/api/web/reports/status.xlsx" download>
            Hent som Excel
          </a>
          <a className="button" href="/api/web/reports/status?format=csv" download>
            Hent CSV (Excel)
          </a>
        </>
      }
    >
      <ReportTabs current="/rapporter" />
      <section aria-labelledby="summary">
        <h2 id="summary">Sammenfatning</h2>
        {report.summary.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      <PlotFigure
        caption={report.figure.title}
        description={`Den månedlige andel passive på landsplan for samtaler og tilbud fra ${formatMonth(first?.month ?? report.month)} til ${formatMonth(report.month)}; de stiplede linjer er grænserne (samtaler ${formatPercent(last?.threshold.conversations)} %, tilbud ${formatPercent(last?.threshold.offers)} %). Seneste måned: samtaler ${formatPercent(last?.share.conversations)} %, tilbud ${formatPercent(last?.share.offers)} %.`}
        render={renderFigure}
        table={
          <div className="table-scroll">
            <table>
              <caption>Figur 1 i tal (%)</caption>
              <thead>
                <tr>
                  <th scope="col">Måned</th>
                  {GOALS.map((goal) => (
                    <th scope="col" className="numeric" key={goal}>
                      {GOAL_LABELS[goal]}: andel / 12 mdr. gns. / grænse
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.figure.months.map((month) => (
                  <tr key={month.month}>
                    <th scope="row">{formatMonth(month.month)}</th>
                    {GOALS.map((goal) => (
                      <td className="numeric" key={goal}>
                        {formatPercent(month.share[goal])} / {formatPercent(month.average[goal])} /{' '}
                        {formatPercent(month.threshold[goal])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
      {report.tables.map((table) => (
        <section key={table.number} aria-labelledby={`table-${String(table.number)}`}>
          <h2 id={`table-${String(table.number)}`}>{table.title}</h2>
          <div className="table-scroll">
            <table>
              <caption>
                Grænse {formatPercent(table.threshold.value)} % ({table.threshold.citation})
                {table.canGround ? '' : ' – kan ikke begrunde en afgørelse ved denne opgørelse'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  <th scope="col" className="numeric">
                    Andel passive, 12 mdr. gns. (%)
                  </th>
                  <th scope="col" className="numeric">
                    Forventet ydelsesgrad (%)
                  </th>
                  <th scope="col" className="numeric">
                    Faktisk ydelsesgrad (%)
                  </th>
                  <th scope="col" className="numeric">
                    Forskel (pct.-point)
                  </th>
                  <th scope="col" className="numeric">
                    Forskel (fuldtidspersoner)
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.rows.length === 0 ? (
                  <tr>
                    <td colSpan={6}>Ingen kommuner.</td>
                  </tr>
                ) : (
                  table.rows.map((row) => (
                    <tr key={row.municipality.code}>
                      <th scope="row">
                        <Link to={`/kommuner/${String(row.municipality.code)}`}>
                          {municipalityLabel(row.municipality)}
                        </Link>
                        {row.onTheBorder ? ' (på grænsen)' : ''}
                      </th>
                      <td className="numeric">
                        {formatAgainst(row.measure, table.threshold.value)}
                      </td>
                      <td className="numeric">{formatNumber(row.resultGoal.expectedShare, 2)}</td>
                      <td className="numeric">{formatNumber(row.resultGoal.actualShare, 2)}</td>
                      <td className="numeric">
                        {formatSigned(row.resultGoal.differencePoints, 2)}
                      </td>
                      <td className="numeric">
                        {formatSigned(row.resultGoal.differencePersonsPublished, 0)}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          {table.notes.map((note) => (
            <p className="small" key={note}>
              {note}
            </p>
          ))}
        </section>
      ))}
      <section aria-labelledby="table-3">
        <h2 id="table-3">{report.contacts.title}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">AMK</th>
                <th scope="col">Fokusmål ikke opfyldt</th>
                <th scope="col">Indledende kontakt</th>
                <th scope="col">Ønsker bistand</th>
                <th scope="col">Afdækning foretaget</th>
                <th scope="col">Indsats</th>
              </tr>
            </thead>
            <tbody>
              {report.contacts.rows.length === 0 ? (
                <tr>
                  <td colSpan={7}>Ingen kommuner.</td>
                </tr>
              ) : (
                report.contacts.rows.map((row) => (
                  <tr key={row.municipality.code}>
                    <th scope="row">{municipalityLabel(row.municipality)}</th>
                    <td>{row.amk ?? '–'}</td>
                    <td>{row.goalsMissed.map((goal) => GOAL_LABELS[goal]).join(', ')}</td>
                    <td>{formatDate(row.firstContact)}</td>
                    <td>
                      {row.wantsAssistance === null ? '–' : (ANSWERS[row.wantsAssistance] ?? '–')}
                    </td>
                    <td>{row.mappingDone === null ? '–' : row.mappingDone ? 'Ja' : 'Nej'}</td>
                    <td>{row.effort ?? '–'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="appendix">
        <h2 id="appendix">{report.appendix.title}</h2>
        <details>
          <summary>Vis bilaget (alle 98 kommuner)</summary>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  {GOALS.flatMap((goal) => [
                    ...report.appendix.months.map((month) => (
                      <th scope="col" className="numeric" key={`${goal}-${month}`}>
                        {GOAL_LABELS[goal]} {formatShortMonth(month)}
                      </th>
                    )),
                    <th scope="col" className="numeric" key={`${goal}-average`}>
                      {GOAL_LABELS[goal]} 12 mdr. gns.
                    </th>,
                  ])}
                  <th scope="col">Resultatmål</th>
                </tr>
              </thead>
              <tbody>
                {report.appendix.rows.map((row) => (
                  <tr key={row.municipality.code}>
                    <th scope="row">{municipalityLabel(row.municipality)}</th>
                    {GOALS.flatMap((goal) => [
                      ...row.goals[goal].monthly.map((share, index) => (
                        <td className="numeric" key={`${goal}-${String(index)}`}>
                          {formatPercent(share)}
                        </td>
                      )),
                      <td
                        className={`numeric outcome ${row.goals[goal].outcome}`}
                        key={`${goal}-average`}
                      >
                        {formatAgainst(row.goals[goal].average, report.thresholds[goal].value)}
                        <span className="visually-hidden">
                          {' '}
                          – {OUTCOME_LABELS[row.goals[goal].outcome]}
                        </span>
                      </td>,
                    ])}
                    <td>{row.resultGoalMet ? 'Opfyldt' : 'Ikke opfyldt'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <section aria-labelledby="notes">
        <h2 id="notes">Anmærkninger</h2>
        <ol>
          {report.notes.map((note) => (
            <li key={note.text}>
              {note.text}
              {note.source === null ? '' : ` (${note.source})`}
            </li>
          ))}
        </ol>
        <p className="source">{report.source.text}</p>
      </section>
    </Page>
  );
}
