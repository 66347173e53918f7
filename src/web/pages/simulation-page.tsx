/**
 * Reform simulation (the ministry): the rule values that can change over
 * the figures in use, grouped as the rules tree groups them, each with its
 * value in force and its legal source; the analyst changes some, and the
 * page shows whose decisions would change — the count, then every
 * municipality with the decision under the rules in force and in the
 * simulation, changed ones first and marked in words. Nothing is stored.
 */
import { useState, type SubmitEvent } from 'react';
import type {
  AdjustableRule,
  DecisionView,
  FocusGoalView,
  SimulatedMunicipality,
  SimulatedYear,
  SimulationRules,
  WebSimulationResult,
} from '../../cases/views/web-simulation.js';
import type { SourceRecord } from '../../core/rules/rule-record.js';
import { api, ApiError } from '../api.js';
import { Data, ErrorMessage, Page } from '../components/page.js';
import { formatAgainst, formatDate, formatNumber } from '../format.js';
import { GOALS, GOAL_LABELS, OUTCOME_LABELS } from '../labels.js';
import { useApi } from '../use-api.js';

const NUMBER_UNITS = new Set(['percent', 'hours', 'days', 'months', 'count', 'fraction', 'year']);

/** The fields of the form that are not rules. */
const YEAR_FIELDS = { fromYear: 'simulering-fra-aar', toYear: 'simulering-til-aar' } as const;
const FROM_DATE_FIELD = 'simulering-fra-dato';

/** The DOM id of a rule's field (ids hold dots; the DOM id must not look like a selector). */
const fieldId = (ruleId: string) => `regel-${ruleId.replace(/[^a-z0-9]+/gi, '-')}`;

function ReferenceText({ reference }: { readonly reference: SourceRecord }) {
  switch (reference.kind) {
    case 'citation':
      return (
        <>
          <span className="citation">{reference.citation}</span>
          {reference.quote === undefined ? null : (
            <>
              : <q>{reference.quote}</q>
            </>
          )}
          {reference.note === undefined ? null : <span className="small"> ({reference.note})</span>}
        </>
      );
    case 'fortolkning':
      return (
        <>
          Fortolkning
          {reference.spec === undefined ? '' : ` efter ${reference.spec}`}
          {reference.label === undefined ? '' : `: ${reference.label}`} (ingen regel giver værdien
          direkte)
        </>
      );
    case 'simulering':
      return <>Simulering: {reference.setting}</>;
  }
}

function RuleField(props: {
  readonly rule: AdjustableRule;
  readonly year: number;
  readonly text: string;
  readonly error: string | undefined;
  readonly onChange: (text: string) => void;
}) {
  const { rule, text, error } = props;
  const id = fieldId(rule.id);
  const changed = text.trim() !== rule.input;
  const others = rule.official.length > 1;
  return (
    <div className={`field rule-field${changed ? ' changed' : ''}`}>
      <label htmlFor={id}>
        {rule.label} ({rule.unitText})
      </label>
      <input
        id={id}
        name={rule.id}
        value={text}
        inputMode={NUMBER_UNITS.has(rule.unit) ? 'decimal' : 'text'}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      />
      {error === undefined ? null : (
        <p id={`${id}-error`} className="error field-error">
          {error}
        </p>
      )}
      <div id={`${id}-hint`} className="hint">
        {changed ? (
          <p>
            <strong>Ændret</strong> i simuleringen (gældende værdi: {rule.input}).
          </p>
        ) : null}
        <p>
          Gældende for opgørelsen af {props.year}: <strong>{rule.valueText}</strong> —{' '}
          <ReferenceText reference={rule.reference} />
        </p>
        {others ? (
          <p>
            Officielle værdier:{' '}
            {rule.official
              .map((value) => `${value.valueText} fra ${formatDate(value.from)}`)
              .join('; ')}
            .
          </p>
        ) : null}
        <p>
          Regel-id <code>{rule.id}</code>; tilladt: {rule.accepts}.
        </p>
      </div>
      {rule.reference.kind === 'fortolkning' ? (
        <details className="small">
          <summary>Projektets begrundelse for {rule.id}</summary>
          <p lang="en">{rule.reference.reasoning}</p>
        </details>
      ) : null}
    </div>
  );
}

function focusText(official: FocusGoalView, simulated: FocusGoalView): string {
  const measure = (side: FocusGoalView) =>
    side.measure === null ? 'ikke målt' : `${formatAgainst(side.measure, side.threshold)} %`;
  const sameMeasure = official.measure === simulated.measure;
  const measures = sameMeasure ? measure(official) : `${measure(official)} → ${measure(simulated)}`;
  const thresholds =
    official.threshold === simulated.threshold
      ? `grænse ${formatNumber(official.threshold, Number.isInteger(official.threshold) ? 0 : 2)} %`
      : `grænse ${formatNumber(official.threshold, Number.isInteger(official.threshold) ? 0 : 2)} % → ${formatNumber(simulated.threshold, Number.isInteger(simulated.threshold) ? 0 : 2)} %`;
  const outcome =
    official.outcome === simulated.outcome
      ? OUTCOME_LABELS[official.outcome]
      : `${OUTCOME_LABELS[official.outcome]} → ${OUTCOME_LABELS[simulated.outcome]}`;
  return `${measures}, ${thresholds}: ${outcome.toLowerCase()}`;
}

function changeText(row: SimulatedMunicipality): string {
  if (row.change === null) return 'Uændret';
  if (row.change === 'other_deadlines') return 'Samme afgørelse, andre frister';
  return `Ændret: ${row.changeText ?? ''}`;
}

function decisionCell(side: DecisionView) {
  return side.decisionText;
}

function YearResult(props: { readonly year: SimulatedYear; readonly onlyChanged: boolean }) {
  const { year } = props;
  const rows = props.onlyChanged
    ? year.municipalities.filter((row) => row.change !== null)
    : year.municipalities;
  const headingId = `simulering-${String(year.year)}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        Opgørelsen af {year.year} (regler {year.ruleVersion.simulated})
      </h3>
      <p>
        {year.changedDecisions === 0
          ? 'Ingen kommune får en anden afgørelse'
          : `${formatNumber(year.changedDecisions)} ${year.changedDecisions === 1 ? 'kommune får' : 'kommuner får'} en anden afgørelse`}
        {year.changedDeadlines > 0
          ? `; ${formatNumber(year.changedDeadlines)} samme afgørelse med andre frister.`
          : '.'}
      </p>
      {rows.length === 0 ? null : (
        <div className="table-scroll">
          <table className="simulation-table">
            <caption>
              Afgørelser i opgørelsen af {year.year} efter gældende regler og i simuleringen
              {props.onlyChanged ? ' (kun kommuner, der ændres)' : ' (ændrede først)'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">Ændring</th>
                <th scope="col">Efter gældende regler</th>
                <th scope="col">I simuleringen</th>
                {GOALS.map((goal) => (
                  <th scope="col" key={goal}>
                    Fokusmål: {GOAL_LABELS[goal].toLowerCase()} (12 mdr. gns.)
                  </th>
                ))}
                <th scope="col">Hvorfor</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} className={row.change === null ? undefined : 'changed'}>
                  <th scope="row">
                    {row.name} ({row.code})
                  </th>
                  <td>
                    {row.change === null ? null : (
                      <span aria-hidden="true" className="change-mark">
                        ◆{' '}
                      </span>
                    )}
                    {changeText(row)}
                  </td>
                  <td>{decisionCell(row.official)}</td>
                  <td>{decisionCell(row.simulated)}</td>
                  {GOALS.map((goal) => (
                    <td key={goal}>
                      {focusText(row.official.focusGoals[goal], row.simulated.focusGoals[goal])}
                    </td>
                  ))}
                  <td>
                    {row.reasons.length === 0 ? (
                      '–'
                    ) : (
                      <ul className="reasons">
                        {row.reasons.map((reason, index) => (
                          <li key={index}>{reason.text}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SimulationResult(props: { readonly result: WebSimulationResult }) {
  const { result } = props;
  const [onlyChanged, setOnlyChanged] = useState(false);
  const years =
    result.fromYear === result.toYear
      ? `opgørelsen af ${result.fromYear}`
      : `opgørelserne ${result.fromYear}–${result.toYear}`;
  return (
    <section aria-labelledby="simulation-result-heading" className="simulation-result">
      <h2 id="simulation-result-heading" tabIndex={-1}>
        Resultat af simuleringen
      </h2>
      <p className="notice">
        <strong>Simulering – ikke gældende regler.</strong> {result.notice}
      </p>
      <p className="result-count" role="status">
        {result.changedDecisions === 0
          ? `Ingen afgørelser ændres i ${years}.`
          : `${formatNumber(result.changedDecisions)} ${result.changedDecisions === 1 ? 'afgørelse ændres' : 'afgørelser ændres'} i ${years}.`}
      </p>
      <p>Ændrede regler:</p>
      <ul>
        {result.overrides.map((override) => (
          <li key={override.id}>
            {override.label} (<code>{override.id}</code>): {override.valueText} {override.when}
          </li>
        ))}
      </ul>
      <p className="source">
        Inddata: {result.inputs.focus}; {result.inputs.rates}.{' '}
        {result.remeasured
          ? 'Indlæsningen er målt igen med de ændrede regler.'
          : 'De samme målinger på begge sider.'}
      </p>
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            checked={onlyChanged}
            onChange={(event) => {
              setOnlyChanged(event.target.checked);
            }}
          />{' '}
          Vis kun kommuner, hvis afgørelse eller frister ændres
        </label>
      </div>
      {result.years.map((year) => (
        <YearResult key={year.year} year={year} onlyChanged={onlyChanged} />
      ))}
    </section>
  );
}

/** Focuses a field the server named, opening its group when it is folded. */
function focusField(id: string): void {
  window.setTimeout(() => {
    const element = document.getElementById(id);
    const group = element?.closest('details');
    if (group) group.open = true;
    element?.focus();
  }, 0);
}

function SimulationForm(props: {
  readonly rules: SimulationRules;
  readonly fromYear: number;
  readonly toYear: number;
  readonly onYears: (fromYear: number, toYear: number) => void;
  /** The texts the analyst typed, by rule id (kept when the year and so the values shown change). */
  readonly texts: Readonly<Record<string, string>>;
  readonly onTexts: (texts: Readonly<Record<string, string>>) => void;
  readonly fromDate: string;
  readonly onFromDate: (date: string) => void;
}) {
  const { rules, texts, fromDate } = props;
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WebSimulationResult | null>(null);
  const all = rules.groups.flatMap((group) => group.rules);
  const textOf = (rule: AdjustableRule) => texts[rule.id] ?? rule.input;
  const changed = all.filter((rule) => textOf(rule).trim() !== rule.input);
  const years: number[] = [];
  for (let year = rules.firstYear; year <= rules.lastYear; year += 1) years.push(year);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    api<WebSimulationResult>('/api/web/simulation', {
      method: 'POST',
      body: {
        fromYear: props.fromYear,
        toYear: props.toYear,
        overrides: changed.map((rule) => ({
          id: rule.id,
          value: textOf(rule),
          ...(fromDate === '' ? {} : { from: fromDate }),
        })),
      },
    })
      .then((answer) => {
        setResult(answer);
        window.setTimeout(() => {
          document.getElementById('simulation-result-heading')?.focus();
        }, 0);
      })
      .catch((failure: unknown) => {
        setResult(null);
        if (!(failure instanceof ApiError)) {
          setError('Serveren kunne ikke nås. Prøv igen.');
          return;
        }
        const field = failure.field;
        if (field !== undefined && all.some((rule) => rule.id === field)) {
          setErrors({ [field]: failure.message });
          focusField(fieldId(field));
        } else if (field === 'fromYear' || field === 'toYear') {
          setErrors({ [field]: failure.message });
          focusField(YEAR_FIELDS[field]);
        } else setError(failure.message);
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const yearSelect = (field: 'fromYear' | 'toYear', label: string, value: number) => (
    <div className="field">
      <label htmlFor={YEAR_FIELDS[field]}>{label}</label>
      <select
        id={YEAR_FIELDS[field]}
        value={String(value)}
        aria-invalid={errors[field] === undefined ? undefined : true}
        aria-describedby={errors[field] === undefined ? undefined : `${YEAR_FIELDS[field]}-error`}
        onChange={(event) => {
          const year = Number(event.target.value);
          if (field === 'fromYear') props.onYears(year, Math.max(year, props.toYear));
          else props.onYears(Math.min(props.fromYear, year), year);
        }}
      >
        {years.map((year) => (
          <option key={year} value={String(year)}>
            {year}
          </option>
        ))}
      </select>
      {errors[field] === undefined ? null : (
        <p id={`${YEAR_FIELDS[field]}-error`} className="error field-error">
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <>
      <form onSubmit={submit} aria-label="Reformsimulering" noValidate>
        <fieldset>
          <legend>Opgørelser</legend>
          <div className="filters">
            {yearSelect('fromYear', 'Fra opgørelsesår', props.fromYear)}
            {yearSelect('toYear', 'Til opgørelsesår', props.toYear)}
            <div className="field">
              <label htmlFor={FROM_DATE_FIELD}>Ændringerne gælder fra (tom: på alle datoer)</label>
              <input
                id={FROM_DATE_FIELD}
                type="date"
                value={fromDate}
                onChange={(event) => {
                  props.onFromDate(event.target.value);
                }}
              />
            </div>
          </div>
          <p className="hint">
            Opgørelserne regnes altid fra {rules.firstYear}, så hvert år starter fra de sager, årene
            før efterlod; de viste værdier er dem, der gælder for opgørelsen af {props.toYear}{' '}
            (reglerne pr. {formatDate(rules.ruleDate)}, {rules.ruleVersion}).
          </p>
        </fieldset>
        <p className="small">{rules.limits}</p>
        {rules.groups.map((group, index) => (
          <details
            key={group.area}
            open={index === 0 || group.rules.some((rule) => textOf(rule).trim() !== rule.input)}
            className="rule-group"
          >
            <summary>
              {group.heading} ({formatNumber(group.rules.length)}{' '}
              {group.rules.length === 1 ? 'regel' : 'regler'})
            </summary>
            <fieldset>
              <legend>{group.heading}</legend>
              {group.rules.map((rule) => (
                <RuleField
                  key={rule.id}
                  rule={rule}
                  year={props.toYear}
                  text={textOf(rule)}
                  error={errors[rule.id]}
                  onChange={(text) => {
                    props.onTexts({ ...texts, [rule.id]: text });
                  }}
                />
              ))}
            </fieldset>
          </details>
        ))}
        <p>
          {changed.length === 0
            ? 'Ingen regler er ændret endnu.'
            : `${formatNumber(changed.length)} ${changed.length === 1 ? 'regel er ændret' : 'regler er ændret'}.`}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              props.onTexts({});
              setErrors({});
              setResult(null);
            }}
          >
            Nulstil til gældende regler
          </button>
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Simulerer …' : 'Simulér'}
        </button>
        <ErrorMessage error={error} />
        {busy ? (
          <p role="status" className="loading">
            Opgørelserne regnes igen …
          </p>
        ) : null}
      </form>
      {result === null ? null : <SimulationResult result={result} />}
    </>
  );
}

export function SimulationPage() {
  const [years, setYears] = useState<{ fromYear: number; toYear: number } | null>(null);
  const [texts, setTexts] = useState<Readonly<Record<string, string>>>({});
  const [fromDate, setFromDate] = useState('');
  const rules = useApi<SimulationRules>(
    years === null
      ? '/api/web/simulation/rules'
      : `/api/web/simulation/rules?year=${String(years.toYear)}`,
  );
  // The form stays while the values of another year are fetched (the focus stays in the year field).
  const [shown, setShown] = useState<SimulationRules | null>(null);
  if (rules.state === 'ready' && rules.data !== shown) setShown(rules.data);
  return (
    <Page
      title="Reformsimulering"
      lead="Ændr reglernes værdier og se, hvilke kommuners afgørelser der ville blive anderledes."
    >
      <p className="notice">
        En simulering gemmes ikke og ændrer aldrig en sag: den regner opgørelserne igen med de
        ændrede regler og viser forskellen til gældende regler.
      </p>
      {shown === null ? (
        <Data loaded={rules}>{() => null}</Data>
      ) : (
        <>
          {rules.state === 'loading' ? (
            <p className="loading" role="status">
              Henter reglernes værdier for opgørelsen af {years?.toYear ?? shown.lastYear} …
            </p>
          ) : null}
          {rules.state === 'error' ? <ErrorMessage error={rules.error.message} /> : null}
          <SimulationForm
            rules={shown}
            texts={texts}
            onTexts={setTexts}
            fromDate={fromDate}
            onFromDate={setFromDate}
            fromYear={years?.fromYear ?? shown.firstYear}
            toYear={years?.toYear ?? shown.lastYear}
            onYears={(fromYear, toYear) => {
              setYears({ fromYear, toYear });
            }}
          />
        </>
      )}
    </Page>
  );
}
