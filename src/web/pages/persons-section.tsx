/**
 * The drill-down to the persons behind a measure (for the roles that may read
 * persons: the ministry, the municipality itself and its AMK): the user
 * chooses a month, a goal and a target group and gives the reason for
 * looking before anything personal is shown; the list and each person's
 * explanation are fetched with that reason (never put in the address bar),
 * and the server writes every read with the reason to the audit log.
 */
import { useState, type SubmitEvent } from 'react';
import type { MunicipalityMeasures } from '../../cases/views/municipality-measures.js';
import type { PersonList } from '../../cases/person-lists.js';
import { api, ApiError } from '../api.js';
import { ErrorMessage } from '../components/page.js';
import { formatDate, formatMonth, formatNumber } from '../format.js';
import { GOAL_LABELS, GOALS, type Goal } from '../labels.js';

const SCOPES: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'all', label: 'Hele målgruppen' },
  { value: 'a_dagpenge', label: 'A-dagpenge mv.' },
  { value: 'sygedagpenge_mv', label: 'Sygedagpenge mv.' },
  { value: 'kontanthjaelp_mv', label: 'Kontanthjælp mv.' },
];

interface ExplanationAnswer {
  readonly text: string;
}

export function PersonsSection(props: { readonly measures: MunicipalityMeasures }) {
  const { measures } = props;
  const code = measures.municipality.code;
  const months = [...measures.months].reverse();
  const [month, setMonth] = useState(measures.month);
  const [goal, setGoal] = useState<Goal>('offers');
  const [scope, setScope] = useState('all');
  const [reason, setReason] = useState('');
  const [list, setList] = useState<{ list: PersonList; reason: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [explained, setExplained] = useState<{ key: string; text: string } | null>(null);
  const [explainError, setExplainError] = useState<string | null>(null);

  if (!measures.personData)
    return (
      <section aria-labelledby="persons-heading">
        <h2 id="persons-heading">Personerne bag målene</h2>
        <p className="notice" role="status">
          Personerne bag målene kan ikke vises: tallene bygger på aggregerede filer, ikke på en
          indlæsning af persondata.
        </p>
      </section>
    );

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setList(null);
    setExplained(null);
    setBusy(true);
    const query = new URLSearchParams({ month, goal, scope, reason: reason.trim() });
    api<PersonList>(`/api/municipalities/${String(code)}/persons?${query.toString()}`).then(
      (answer) => {
        setList({ list: answer, reason: reason.trim() });
        setBusy(false);
      },
      (failure: unknown) => {
        setError(failure instanceof ApiError ? failure.message : 'Opslaget mislykkedes.');
        setBusy(false);
      },
    );
  };

  const explain = (personKey: string, asked: { list: PersonList; reason: string }) => {
    setExplainError(null);
    const query = new URLSearchParams({ month: asked.list.month, reason: asked.reason });
    api<ExplanationAnswer>(
      `/api/municipalities/${String(code)}/persons/${encodeURIComponent(personKey)}/explanation?${query.toString()}`,
    ).then(
      (answer) => {
        setExplained({ key: personKey, text: answer.text });
      },
      (failure: unknown) => {
        setExplainError(failure instanceof ApiError ? failure.message : 'Opslaget mislykkedes.');
      },
    );
  };

  return (
    <section aria-labelledby="persons-heading">
      <h2 id="persons-heading">Personerne bag målene</h2>
      <p>
        Personoplysninger: angiv hvorfor du slår op, før noget vises. Opslaget og begrundelsen
        skrives i revisionssporet.
      </p>
      <form className="form" onSubmit={submit} aria-labelledby="persons-form-heading">
        <h3 id="persons-form-heading">Vis personerne bag en måned</h3>
        <div className="field">
          <label htmlFor="persons-month">Måned</label>
          <select
            id="persons-month"
            value={month}
            onChange={(event) => {
              setMonth(event.target.value);
            }}
          >
            {months.map((entry) => (
              <option key={entry.month} value={entry.month}>
                {formatMonth(entry.month)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="persons-goal">Fokusmål</label>
          <select
            id="persons-goal"
            value={goal}
            onChange={(event) => {
              setGoal(event.target.value as Goal);
            }}
          >
            {GOALS.map((entry) => (
              <option key={entry} value={entry}>
                {GOAL_LABELS[entry]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="persons-scope">Målgruppe</label>
          <select
            id="persons-scope"
            value={scope}
            onChange={(event) => {
              setScope(event.target.value);
            }}
          >
            {SCOPES.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="persons-reason">Begrundelse for opslaget</label>
          <textarea
            id="persons-reason"
            rows={2}
            required
            minLength={3}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Vis personer
        </button>
      </form>
      {list === null ? null : (
        <PersonTable
          asked={list}
          explained={explained}
          explainError={explainError}
          onExplain={explain}
        />
      )}
    </section>
  );
}

function PersonTable(props: {
  readonly asked: { list: PersonList; reason: string };
  readonly explained: { key: string; text: string } | null;
  readonly explainError: string | null;
  readonly onExplain: (personKey: string, asked: { list: PersonList; reason: string }) => void;
}) {
  const { list } = props.asked;
  return (
    <>
      <p role="status">
        {GOAL_LABELS[list.goal]}, {formatMonth(list.month)}: {formatNumber(list.passive)} passive af{' '}
        {formatNumber(list.target)} i målgruppen (indlæsning {list.loadId}).
      </p>
      <ErrorMessage error={props.explainError} />
      {props.explained === null ? null : (
        <section aria-labelledby="explanation-heading" className="card">
          <h3 id="explanation-heading">Forklaring for {props.explained.key}</h3>
          <pre className="explanation" tabIndex={0} aria-labelledby="explanation-heading">
            {props.explained.text}
          </pre>
        </section>
      )}
      <div className="table-scroll">
        <table>
          <caption>Personerne i målgruppen, {formatMonth(list.month)} (passive først)</caption>
          <thead>
            <tr>
              <th scope="col">Person (nøgle)</th>
              <th scope="col">Ydelse</th>
              <th scope="col">Passiv</th>
              <th scope="col">Forløb startet</th>
              <th scope="col" className="numeric">
                Varighed (dage)
              </th>
              <th scope="col" className="numeric">
                Samtaler
              </th>
              <th scope="col">Tilbud</th>
              <th scope="col">Forklaring</th>
            </tr>
          </thead>
          <tbody>
            {list.persons.map((person) => (
              <tr key={person.personKey}>
                <th scope="row">{person.personKey}</th>
                <td>{person.benefitLabel}</td>
                <td>{person.passive ? 'Ja' : 'Nej'}</td>
                <td>{formatDate(person.spellStart)}</td>
                <td className="numeric">{formatNumber(person.countableDays)}</td>
                <td className="numeric">{formatNumber(person.conversations)}</td>
                <td>{person.offerCounted ? 'Ja' : 'Nej'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      props.onExplain(person.personKey, props.asked);
                    }}
                  >
                    Forklar<span className="visually-hidden"> {person.personKey}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
