/**
 * The ministry's assessment workflow: measurement runs of a load, the
 * assessment run of a year from one of them, its draft decisions with the
 * § they rest on and the differences to the run issued for the same year,
 * each decision's reasons, the ministry's own decision (with its reason)
 * where the assessment "kræver vurdering", then approval and issue (the
 * notices dated by the send date given), and the letter of each issued
 * decision. Runs are jobs: the page follows their progress until they
 * finish. A year that cannot be assessed is refused with the server's
 * Danish reason (or the page's own, for a year that is not a year).
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import type { DecisionKind, SupervisionStatus } from '../../core/domain/supervision.js';
import type { OverviewResponse } from '../../cases/views/overview-types.js';
import { api, ApiError } from '../api.js';
import { Data, ErrorMessage, Page } from '../components/page.js';
import { formatDateTime, formatNumber } from '../format.js';
import { Link, navigate, queryParameter, useLocation } from '../router.js';
import { useApi } from '../use-api.js';

const DECISION_LABELS: Readonly<Record<DecisionKind, string>> = {
  selected: 'Omfattes af skærpet tilsyn',
  stays_out: 'Omfattes ikke af skærpet tilsyn',
  supervision_ends: 'Skærpet tilsyn ophører',
  extended: 'Genopretningsperioden forlænges med 12 måneder',
  administration: 'Sættes under administration',
  administration_continues: 'Fortsat under administration',
  administration_ends: 'Administration ophører',
  requires_judgement: 'Kræver vurdering',
};

const CASE_STATUS_LABELS: Readonly<Record<SupervisionStatus, string>> = {
  none: 'Ikke under skærpet tilsyn',
  supervised: 'Skærpet tilsyn',
  extended: 'Skærpet tilsyn, forlænget genopretningsperiode',
  administration: 'Under administration',
};

function caseStatus(status: string | null): string {
  if (status === null) return '(afventer vurdering)';
  return status in CASE_STATUS_LABELS ? CASE_STATUS_LABELS[status as SupervisionStatus] : status;
}

const RUN_STATUS_LABELS: Readonly<Record<string, string>> = {
  queued: 'I kø',
  running: 'Kører',
  done: 'Færdig',
  failed: 'Fejlet',
  draft: 'Udkast',
  approved: 'Godkendt',
  issued: 'Udstedt',
};

interface MeasurementRun {
  readonly id: number;
  readonly loadId: string;
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly status: string;
  readonly progress: number;
  readonly progressText: string | null;
  readonly error: string | null;
}

interface AssessmentRun {
  readonly id: number;
  readonly measurementRunId: number | null;
  readonly year: number;
  readonly rulesVersion: string;
  readonly status: string;
  readonly progress: number;
  readonly progressText: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly approvedAt: string | null;
  readonly issuedAt: string | null;
}

interface RunDecision {
  readonly id: number;
  readonly municipality: number;
  readonly decision: string;
  readonly statusBefore: string;
  readonly statusAfter: string | null;
  readonly legalBasis: unknown;
  readonly details: unknown;
  readonly resolution: { readonly decision: string; readonly reason: string } | null;
}

/** The reasons of a run decision, one Danish sentence each. */
function reasonsOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('decision' in details)) return [];
  const decision = details.decision;
  if (typeof decision !== 'object' || decision === null || !('reasons' in decision)) return [];
  const reasons = decision.reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.flatMap((reason: unknown) =>
    typeof reason === 'object' &&
    reason !== null &&
    'text' in reason &&
    typeof reason.text === 'string'
      ? [reason.text]
      : [],
  );
}

/** The decisions a "kræver vurdering" names as possible. */
function possibleOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('decision' in details)) return [];
  const decision = details.decision;
  if (typeof decision !== 'object' || decision === null || !('reasons' in decision)) return [];
  const reasons = decision.reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.flatMap((reason: unknown) =>
    typeof reason === 'object' &&
    reason !== null &&
    'code' in reason &&
    reason.code === 'requires_judgement' &&
    'possible' in reason &&
    Array.isArray(reason.possible)
      ? reason.possible.filter((kind: unknown): kind is string => typeof kind === 'string')
      : [],
  );
}

interface Differences {
  readonly issuedRunId: number | null;
  readonly differences: readonly {
    readonly municipality: number;
    readonly issued: { readonly decision: string };
    readonly run: { readonly decision: string };
    readonly changes: readonly string[];
  }[];
}

function label(kind: string): string {
  return kind in DECISION_LABELS ? DECISION_LABELS[kind as DecisionKind] : kind;
}

function citation(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.map(citation).join('; ');
  if (typeof value === 'object' && 'citation' in value && typeof value.citation === 'string')
    return value.citation;
  return '–';
}

function statusText(run: { status: string; progress: number; progressText: string | null }) {
  const status = RUN_STATUS_LABELS[run.status] ?? run.status;
  return run.status === 'running'
    ? `${status} (${formatNumber(run.progress * 100)} %${run.progressText === null ? '' : `: ${run.progressText}`})`
    : status;
}

export function AssessmentPage() {
  const path = useLocation();
  const selected = Number(queryParameter(path, 'koersel') ?? '0');
  const measurements = useApi<MeasurementRun[]>('/api/measurement-runs');
  const assessments = useApi<AssessmentRun[]>('/api/assessment-runs');
  const busy =
    (measurements.state === 'ready' &&
      measurements.data.some((run) => ['queued', 'running'].includes(run.status))) ||
    (assessments.state === 'ready' &&
      assessments.data.some((run) => ['queued', 'running'].includes(run.status)));
  const { reload: reloadMeasurements } = measurements;
  const { reload: reloadAssessments } = assessments;
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(() => {
      reloadMeasurements();
      reloadAssessments();
    }, 2000);
    return () => {
      window.clearInterval(timer);
    };
  }, [busy, reloadMeasurements, reloadAssessments]);
  return (
    <Page
      title="Opgørelser"
      lead="Målekørsler af en indlæsning, vurderingskørsler af et år, udkast til afgørelser, godkendelse og udstedelse."
    >
      <section aria-labelledby="measurement-heading">
        <h2 id="measurement-heading">Målekørsler</h2>
        <Data loaded={measurements}>
          {(runs) => (
            <>
              <RunTable
                caption="Målekørsler"
                rows={runs.map((run) => ({
                  id: run.id,
                  cells: [`${run.fromMonth} – ${run.toMonth}`, run.loadId, statusText(run)],
                  error: run.error,
                }))}
                headers={['Periode', 'Indlæsning', 'Status']}
              />
              <StartMeasurement onStarted={reloadMeasurements} />
            </>
          )}
        </Data>
      </section>
      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">Vurderingskørsler</h2>
        <Data loaded={assessments}>
          {(runs) => (
            <>
              <RunTable
                caption="Vurderingskørsler"
                rows={runs.map((run) => ({
                  id: run.id,
                  cells: [
                    String(run.year),
                    run.rulesVersion,
                    statusText(run),
                    formatDateTime(run.createdAt),
                  ],
                  error: run.error,
                  link: `/opgoerelser?koersel=${String(run.id)}`,
                }))}
                headers={['År', 'Regler', 'Status', 'Startet']}
              />
              <StartAssessment
                measurements={measurements.state === 'ready' ? measurements.data : []}
                onStarted={reloadAssessments}
              />
              {runs
                .filter((run) => run.id === selected)
                .map((run) => (
                  <RunDetails key={run.id} run={run} onChanged={reloadAssessments} />
                ))}
            </>
          )}
        </Data>
      </section>
    </Page>
  );
}

function RunTable(props: {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly {
    readonly id: number;
    readonly cells: readonly string[];
    readonly error: string | null;
    readonly link?: string;
  }[];
}) {
  if (props.rows.length === 0) return <p>Ingen kørsler endnu.</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kørsel</th>
            {props.headers.map((header) => (
              <th scope="col" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.link === undefined ? (
                  `nr. ${String(row.id)}`
                ) : (
                  <Link to={row.link}>nr. {String(row.id)}</Link>
                )}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
              {row.error === null ? null : <td className="error">{row.error}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const run = (call: () => Promise<unknown>) => {
    setError(null);
    call().then(onDone, (failure: unknown) => {
      setError(failure instanceof ApiError ? failure.message : 'Handlingen mislykkedes.');
    });
  };
  return { error, run };
}

function StartMeasurement({ onStarted }: { readonly onStarted: () => void }) {
  const [fromYear, setFromYear] = useState('2020');
  const [toYear, setToYear] = useState('2024');
  const { error, run } = useSubmit(onStarted);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(() =>
      api('/api/measurement-runs', {
        method: 'POST',
        body: { load: 'current', fromYear: Number(fromYear), toYear: Number(toYear) },
      }),
    );
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Start en målekørsel">
      <div className="field">
        <label htmlFor="measure-from">Fra år</label>
        <input
          id="measure-from"
          inputMode="numeric"
          value={fromYear}
          onChange={(event) => {
            setFromYear(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="measure-to">Til år</label>
        <input
          id="measure-to"
          inputMode="numeric"
          value={toYear}
          onChange={(event) => {
            setToYear(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="primary">
        Start målekørsel af indlæsningen i brug
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

function StartAssessment(props: {
  readonly measurements: readonly MeasurementRun[];
  readonly onStarted: () => void;
}) {
  const done = props.measurements.filter((run) => run.status === 'done');
  const [measurementRunId, setMeasurementRunId] = useState('');
  const [year, setYear] = useState('2024');
  const { error, run } = useSubmit(props.onStarted);
  const chosen =
    measurementRunId === '' ? String(done[done.length - 1]?.id ?? '') : measurementRunId;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^[0-9]{4}$/.test(year.trim())) {
      run(() =>
        Promise.reject(
          new ApiError(
            400,
            `Opgørelsesåret skal være et årstal med fire cifre, fx 2024 (ikke "${year}").`,
          ),
        ),
      );
      return;
    }
    run(() =>
      api<{ runId: number }>('/api/assessment-runs', {
        method: 'POST',
        body: { measurementRunId: Number(chosen), year: Number(year.trim()) },
      }).then((started) => {
        navigate(`/opgoerelser?koersel=${String(started.runId)}`);
      }),
    );
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Start en vurderingskørsel">
      <div className="field">
        <label htmlFor="assess-measurement">Målekørsel</label>
        <select
          id="assess-measurement"
          value={chosen}
          onChange={(event) => {
            setMeasurementRunId(event.target.value);
          }}
        >
          {done.length === 0 ? <option value="">Ingen færdige målekørsler</option> : null}
          {done.map((measurement) => (
            <option key={measurement.id} value={String(measurement.id)}>
              nr. {measurement.id} ({measurement.fromMonth} – {measurement.toMonth})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="assess-year">Opgørelsesår</label>
        <input
          id="assess-year"
          inputMode="numeric"
          value={year}
          onChange={(event) => {
            setYear(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="primary" disabled={done.length === 0}>
        Start vurderingskørsel
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

function RunDetails(props: { readonly run: AssessmentRun; readonly onChanged: () => void }) {
  const { run } = props;
  const ready = ['draft', 'approved', 'issued'].includes(run.status);
  const decisions = useApi<RunDecision[]>(
    ready ? `/api/assessment-runs/${String(run.id)}/decisions` : null,
  );
  const differences = useApi<Differences>(
    ready ? `/api/assessment-runs/${String(run.id)}/differences` : null,
  );
  const [sendDate, setSendDate] = useState('');
  const { error, run: act } = useSubmit(props.onChanged);
  const overview = useApi<OverviewResponse>(ready ? '/api/web/overview' : null);
  const names = new Map(
    overview.state === 'ready'
      ? overview.data.municipalities.map((municipality) => [municipality.code, municipality.name])
      : [],
  );
  return (
    <section aria-labelledby="run-heading">
      <h3 id="run-heading">
        Vurderingskørsel nr. {run.id}: opgørelsen af {run.year} ({statusText(run)})
      </h3>
      {run.status === 'draft' ? (
        <button
          type="button"
          className="primary"
          onClick={() => {
            act(() => api(`/api/assessment-runs/${String(run.id)}/approve`, { method: 'POST' }));
          }}
        >
          Godkend udkastet
        </button>
      ) : null}
      {run.status === 'approved' ? (
        <div className="filters">
          <div className="field">
            <label htmlFor="send-date">Meddelelserne sendes (standard: i dag)</label>
            <input
              id="send-date"
              type="date"
              value={sendDate}
              onChange={(event) => {
                setSendDate(event.target.value);
              }}
            />
          </div>
          <button
            type="button"
            className="primary"
            onClick={() => {
              act(() =>
                api(`/api/assessment-runs/${String(run.id)}/issue`, {
                  method: 'POST',
                  body: sendDate === '' ? {} : { sendDate },
                }),
              );
            }}
          >
            Udsted afgørelserne
          </button>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {ready ? (
        <>
          <h4>Forskelle til den udstedte kørsel af samme år</h4>
          <Data loaded={differences}>
            {(result) =>
              result.issuedRunId === null ? (
                <p>Der er ikke udstedt en kørsel af {run.year} før.</p>
              ) : result.differences.length === 0 ? (
                <p>Ingen forskelle til kørsel nr. {result.issuedRunId}.</p>
              ) : (
                <ul>
                  {result.differences.map((difference) => (
                    <li key={difference.municipality}>
                      {names.get(difference.municipality) ?? 'Kommune'} ({difference.municipality}):{' '}
                      {label(difference.issued.decision)} → {label(difference.run.decision)} (
                      {difference.changes.join(', ')})
                    </li>
                  ))}
                </ul>
              )
            }
          </Data>
          <h4>Afgørelser</h4>
          <Data loaded={decisions}>
            {(rows) => {
              const shown = rows.filter((row) => row.decision !== 'stays_out');
              const open = rows.filter(
                (row) => row.decision === 'requires_judgement' && row.resolution === null,
              );
              return (
                <>
                  {open.length > 0 && run.status !== 'issued' ? (
                    <p className="notice" role="status">
                      {formatNumber(open.length)}{' '}
                      {open.length === 1 ? 'afgørelse kræver' : 'afgørelser kræver'} vurdering: træf
                      og begrund {open.length === 1 ? 'den' : 'dem'}, før kørslen kan udstedes.
                    </p>
                  ) : null}
                  <div className="table-scroll">
                    <table>
                      <caption>
                        {formatNumber(shown.length)} afgørelser (kommuner, der forbliver uden for
                        tilsyn, er ikke vist: {formatNumber(rows.length - shown.length)})
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Kommune</th>
                          <th scope="col">Afgørelse</th>
                          <th scope="col">Begrundelse</th>
                          <th scope="col">Status før → efter</th>
                          <th scope="col">Hjemmel</th>
                          {run.status === 'issued' ? <th scope="col">Brev</th> : null}
                        </tr>
                      </thead>
                      <tbody>
                        {shown.map((row) => {
                          const name = `${names.get(row.municipality) ?? 'Kommune'} (${String(row.municipality)})`;
                          const taken = row.resolution?.decision ?? row.decision;
                          return (
                            <tr key={row.id}>
                              <th scope="row">
                                <Link to={`/kommuner/${String(row.municipality)}`}>{name}</Link>
                              </th>
                              <td>
                                {label(row.decision)}
                                {row.resolution === null ? null : (
                                  <> → truffet: {label(row.resolution.decision)}</>
                                )}
                              </td>
                              <td>
                                <ul className="reasons">
                                  {reasonsOf(row.details).map((reason, index) => (
                                    <li key={index}>{reason}</li>
                                  ))}
                                  {row.resolution === null ? null : (
                                    <li>Ministeriets begrundelse: {row.resolution.reason}</li>
                                  )}
                                </ul>
                                {row.decision === 'requires_judgement' &&
                                row.resolution === null &&
                                (run.status === 'draft' || run.status === 'approved') ? (
                                  <Judgement
                                    runId={run.id}
                                    municipality={row.municipality}
                                    name={name}
                                    possible={possibleOf(row.details)}
                                    onDone={decisions.reload}
                                  />
                                ) : null}
                              </td>
                              <td>
                                {caseStatus(row.statusBefore)} → {caseStatus(row.statusAfter)}
                              </td>
                              <td>{citation(row.legalBasis)}</td>
                              {run.status === 'issued' ? (
                                <td>
                                  {taken === 'stays_out' ? (
                                    '–'
                                  ) : (
                                    <Link
                                      to={`/kommuner/${String(row.municipality)}/brev/${String(run.year)}`}
                                    >
                                      Brevet til {name}
                                    </Link>
                                  )}
                                </td>
                              ) : null}
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                </>
              );
            }}
          </Data>
        </>
      ) : null}
    </section>
  );
}

/** The ministry takes a decision the assessment left to judgement, and says why. */
function Judgement(props: {
  readonly runId: number;
  readonly municipality: number;
  readonly name: string;
  readonly possible: readonly string[];
  readonly onDone: () => void;
}) {
  const [decision, setDecision] = useState(props.possible[0] ?? '');
  const [reason, setReason] = useState('');
  const { error, run } = useSubmit(props.onDone);
  const id = `judgement-${String(props.runId)}-${String(props.municipality)}`;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(() =>
      api(`/api/assessment-runs/${String(props.runId)}/judgements`, {
        method: 'POST',
        body: { municipality: props.municipality, decision, reason },
      }),
    );
  };
  return (
    <form className="judgement" onSubmit={submit} aria-label={`Vurdering af ${props.name}`}>
      <div className="field">
        <label htmlFor={`${id}-decision`}>Afgørelse for {props.name}</label>
        <select
          id={`${id}-decision`}
          value={decision}
          onChange={(event) => {
            setDecision(event.target.value);
          }}
        >
          {props.possible.map((kind) => (
            <option key={kind} value={kind}>
              {label(kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Begrundelse for {props.name}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          required
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
      </div>
      <button type="submit">Træf afgørelsen for {props.name}</button>
      <ErrorMessage error={error} />
    </form>
  );
}
