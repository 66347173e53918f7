/**
 * A municipality's page: its measures month by month against the
 * thresholds, the 12-month averages, the projection of December's average,
 * the result goal; and, for the roles that may see it, its case.
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type {
  MonthFigures,
  MunicipalityMeasures,
} from '../../cases/views/municipality-measures.js';
import { Data, Page } from '../components/page.js';
import { PlotFigure } from '../components/plot-figure.js';
import {
  formatAgainst,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortMonth,
  formatSigned,
  municipalityLabel,
} from '../format.js';
import { GOAL_LABELS, GOAL_LONG_LABELS, GOALS, OUTCOME_LABELS, type Goal } from '../labels.js';
import { useApi } from '../use-api.js';
import type { ReactNode } from 'react';
import type { CaseView } from '../../cases/views/case-view.js';
import { useSession, type SessionUser } from '../session.js';
import { CaseSection } from './case-section.js';
import { PersonsSection } from './persons-section.js';

export interface Milestone {
  readonly goal: Goal;
  readonly month: string;
  readonly target: number;
}

/** Whether the user may read the municipality's case and persons (src/access/policy.ts `read_case`, `read_person`: the same roles). */
function mayReadCase(
  user: SessionUser | null,
  code: number,
  municipality: { readonly amk: string },
): boolean {
  if (user === null) return false;
  if (user.role === 'ministry') return true;
  if (user.role === 'municipality') return user.municipality === code;
  if (user.role === 'amk') return user.amk === municipality.amk;
  return false;
}

export function MunicipalityPage(props: { readonly code: number }) {
  const loaded = useApi<MunicipalityMeasures>(
    `/api/web/municipalities/${String(props.code)}/measures`,
  );
  const { user } = useSession();
  return (
    <Data loaded={loaded}>
      {(measures) => (
        <MunicipalityWithCase
          measures={measures}
          user={user}
          readCase={mayReadCase(user, props.code, measures.municipality)}
        />
      )}
    </Data>
  );
}

function MunicipalityWithCase(props: {
  readonly measures: MunicipalityMeasures;
  readonly user: SessionUser | null;
  readonly readCase: boolean;
}) {
  const { measures, user } = props;
  const code = measures.municipality.code;
  const caseLoaded = useApi<CaseView>(
    props.readCase ? `/api/web/municipalities/${String(code)}/case` : null,
  );
  const plans = caseLoaded.state === 'ready' ? caseLoaded.data.plans : [];
  const milestones: Milestone[] = plans.flatMap((plan) =>
    plan.milestones.map((milestone) => ({
      goal: milestone.goal as Goal,
      month: milestone.month,
      target: milestone.target,
    })),
  );
  return (
    <MunicipalityView
      measures={measures}
      milestones={milestones}
      personsSection={props.readCase ? <PersonsSection measures={measures} /> : null}
      caseSection={
        props.readCase ? (
          <Data loaded={caseLoaded}>
            {(view) => (
              <CaseSection
                view={view}
                measures={measures}
                canSubmitPlan={
                  user?.role === 'municipality' &&
                  user.municipality === code &&
                  view.status !== 'none'
                }
                canInviteMeeting={user?.role === 'ministry' && view.status !== 'none'}
                canRecordContact={user?.role === 'amk'}
                onChanged={caseLoaded.reload}
              />
            )}
          </Data>
        ) : (
          <section aria-labelledby="case-heading">
            <h2 id="case-heading">Sagen</h2>
            <p>
              Sagen (afgørelser, frister, planer og personer) kan kun ses af styrelsen, kommunen
              selv og arbejdsmarkedskontoret for kommunens region.
            </p>
          </section>
        )
      }
    />
  );
}

function MunicipalityView(props: {
  readonly measures: MunicipalityMeasures;
  readonly milestones: readonly Milestone[];
  readonly caseSection: ReactNode;
  readonly personsSection: ReactNode;
}) {
  const loaded = { state: 'ready' as const, data: props.measures };
  return (
    <Data loaded={loaded}>
      {(measures) => (
        <Page
          title={municipalityLabel(measures.municipality)}
          lead={`${measures.municipality.region} · ${measures.municipality.amk} · målinger til og med ${formatMonth(measures.month)}, vurderet mod grænserne for opgørelsen af ${String(measures.assessmentYear)}.`}
          actions={
            <a
              className="button"
              href={`/api/web/municipalities/${String(measures.municipality.code)}/measures?format=csv`}
              download
            >
              Hent CSV (Excel)
            </a>
          }
        >
          <Summary measures={measures} />
          <h2>Fokusmålene måned for måned</h2>
          {GOALS.map((goal) => (
            <GoalChart
              key={goal}
              goal={goal}
              measures={measures}
              milestones={props.milestones.filter((milestone) => milestone.goal === goal)}
            />
          ))}
          {props.caseSection}
          {props.personsSection}
        </Page>
      )}
    </Data>
  );
}

function Summary({ measures }: { readonly measures: MunicipalityMeasures }) {
  const result = measures.resultGoal;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Status for {formatMonth(measures.month)}</h2>
      <div className="cards">
        {GOALS.map((goal) => {
          const average = measures.averages[goal];
          const threshold = measures.thresholds[goal];
          const projection = measures.projection[goal];
          return (
            <div className="card" key={goal}>
              <h3>{GOAL_LONG_LABELS[goal]}</h3>
              <p className={`figure outcome ${average.outcome}`}>
                {formatAgainst(average.value, threshold.value)} %
              </p>
              <p>
                12 mdr. gns. mod grænsen {formatPercent(threshold.value)} % ({threshold.citation}):{' '}
                <strong>{OUTCOME_LABELS[average.outcome].toLowerCase()}</strong>
                {average.canGround ? '' : ' (kan ikke begrunde en afgørelse dette år)'}.
              </p>
              <p>
                Fremskrevet december {String(projection.year)}:{' '}
                <strong>
                  {projection.value === null
                    ? '–'
                    : `${formatAgainst(projection.value, projection.threshold)} %`}
                </strong>
                {projection.met === null
                  ? ''
                  : projection.met
                    ? ' (under grænsen)'
                    : ' (over grænsen)'}
              </p>
              <p className="small">{projection.method}</p>
            </div>
          );
        })}
        <div className="card">
          <h3>Resultatmålet ({String(result.year)})</h3>
          <p className={`figure outcome ${result.met ? 'met' : 'missed'}`}>
            {formatSigned(result.differencePoints, 2)} pct.-point
          </p>
          <p>
            Faktisk ydelsesgrad {formatNumber(result.actualShare, 2)} % mod forventet{' '}
            {formatNumber(result.expectedShare, 2)} % ({formatSigned(result.differencePersons, 0)}{' '}
            fuldtidspersoner): <strong>{result.met ? 'opfyldt' : 'ikke opfyldt'}</strong>.
          </p>
          <p className="small">Kilde: {result.source}</p>
        </div>
      </div>
    </section>
  );
}

function GoalChart(props: {
  readonly goal: Goal;
  readonly measures: MunicipalityMeasures;
  readonly milestones: readonly Milestone[];
}) {
  const { goal, measures, milestones } = props;
  const render = useCallback(
    (width: number) => {
      const rows = measures.months.map((month) => ({
        date: new Date(`${month.month}-15T00:00:00Z`),
        share: month.goals[goal].share,
        average: month.goals[goal].average,
        threshold: month.goals[goal].threshold,
      }));
      const points = milestones.map((milestone) => ({
        date: new Date(`${milestone.month}-15T00:00:00Z`),
        target: milestone.target,
      }));
      return Plot.plot({
        width,
        height: 300,
        marginLeft: 50,
        y: { label: 'Andel passive (%)', grid: true, zero: true },
        x: {
          label: null,
          type: 'utc',
          tickFormat: (date: Date) => formatShortMonth(date.toISOString().slice(0, 7)),
        },
        color: {
          legend: true,
          domain: ['Månedens andel', '12 mdr. gns.', 'Grænse', 'Milepæl i planen'],
          range: ['#6b8fb3', '#14365c', '#a4161a', '#7a4a00'],
        },
        marks: [
          Plot.lineY(rows, {
            x: 'date',
            y: 'share',
            stroke: () => 'Månedens andel',
            strokeWidth: 1.5,
          }),
          Plot.dot(rows, { x: 'date', y: 'share', fill: () => 'Månedens andel', r: 2 }),
          Plot.lineY(rows, {
            x: 'date',
            y: 'average',
            stroke: () => '12 mdr. gns.',
            strokeWidth: 3,
          }),
          Plot.lineY(rows, {
            x: 'date',
            y: 'threshold',
            stroke: () => 'Grænse',
            strokeDasharray: '6,4',
            curve: 'step',
          }),
          Plot.dot(points, {
            x: 'date',
            y: 'target',
            stroke: () => 'Milepæl i planen',
            symbol: 'diamond',
            r: 5,
          }),
        ],
      });
    },
    [goal, measures, milestones],
  );
  const latest = measures.months[measures.months.length - 1];
  return (
    <PlotFigure
      caption={`${GOAL_LONG_LABELS[goal]}, ${municipalityLabel(measures.municipality)}`}
      description={`Månedens andel passive og 12 måneders gennemsnit fra ${formatMonth(measures.months[0]?.month ?? measures.month)} til ${formatMonth(measures.month)}; den stiplede linje er grænsen for den opgørelse, måneden tæller med i. Seneste måned: ${formatPercent(latest?.goals[goal].share)} %, 12 mdr. gns. ${formatPercent(latest?.goals[goal].average)} %.${milestones.length > 0 ? ` Genopretningsplanens milepæle er vist som ruder.` : ''}`}
      render={render}
      table={<MonthTable goal={goal} months={measures.months} />}
    />
  );
}

function MonthTable({
  goal,
  months,
}: {
  readonly goal: Goal;
  readonly months: readonly MonthFigures[];
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{GOAL_LABELS[goal]}: måned for måned</caption>
        <thead>
          <tr>
            <th scope="col">Måned</th>
            <th scope="col" className="numeric">
              Målgruppe
            </th>
            <th scope="col" className="numeric">
              Passive
            </th>
            <th scope="col" className="numeric">
              Andel (%)
            </th>
            <th scope="col" className="numeric">
              12 mdr. gns. (%)
            </th>
            <th scope="col" className="numeric">
              Grænse (%)
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => {
            const figures = month.goals[goal];
            return (
              <tr key={month.month}>
                <th scope="row">
                  {formatMonth(month.month)}
                  {month.excludedFromAverages ? ' (udeladt, COVID-19)' : ''}
                </th>
                <td className="numeric">{formatNumber(figures.target)}</td>
                <td className="numeric">{formatNumber(figures.passive)}</td>
                <td className="numeric">{formatPercent(figures.share)}</td>
                <td className="numeric">{formatAgainst(figures.average, figures.threshold)}</td>
                <td className="numeric">{formatPercent(figures.threshold)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
