/**
 * The case on a municipality's page, for the roles that may read it: status
 * and history, the decisions with their §, notices, deadlines, meetings,
 * the AMK's contacts, and the recovery plans with their milestones against
 * the measures; the municipality's own form for its account and plan.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { CaseView } from '../../cases/views/case-view.js';
import type { MunicipalityMeasures } from '../../cases/views/municipality-measures.js';
import { api, ApiError } from '../api.js';
import { ErrorMessage } from '../components/page.js';
import { formatAgainst, formatDate, formatMonth, formatNumber, formatPercent } from '../format.js';
import { GOAL_LABELS, GOALS, type Goal } from '../labels.js';
import { Link } from '../router.js';

export function CaseSection(props: {
  readonly view: CaseView;
  readonly measures: MunicipalityMeasures;
  readonly canSubmitPlan: boolean;
  /** The ministry, while the municipality is under supervision. */
  readonly canInviteMeeting: boolean;
  /** The AMK of the municipality's region (the page shows the case only to it). */
  readonly canRecordContact: boolean;
  readonly onChanged: () => void;
}) {
  const { view, measures } = props;
  return (
    <section aria-labelledby="case-heading">
      <h2 id="case-heading">Sagen: {view.statusLabel}</h2>
      <h3>Afgørelser</h3>
      {view.decisions.length === 0 ? (
        <p>Ingen afgørelser er truffet i sagen.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Afgørelser</caption>
            <thead>
              <tr>
                <th scope="col">Opgørelse</th>
                <th scope="col">Afgørelse</th>
                <th scope="col">Hjemmel</th>
                <th scope="col">Meddelelse sendt</th>
              </tr>
            </thead>
            <tbody>
              {view.decisions.map((decision) => (
                <tr key={decision.id}>
                  <th scope="row">{String(decision.year)}</th>
                  <td>
                    {decision.decisionLabel}
                    {decision.judgementReason === null ? '' : ` – ${decision.judgementReason}`}
                  </td>
                  <td>{decision.legalBasis ?? '–'}</td>
                  <td>
                    {view.notices
                      .filter((notice) => notice.decisionId === decision.id)
                      .map((notice) => formatDate(notice.sendDate))
                      .join(', ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Breve om afgørelserne</h3>
      {/* A municipality that stays out gets no letter: only the years with one are listed. */}
      {view.decisions.length > 0 && lettered(view).length === 0 ? (
        <p>Ingen af sagens afgørelser har et brev (kommunen er ikke omfattet).</p>
      ) : null}
      <ul>
        {(view.decisions.length > 0 ? lettered(view) : letterYears(measures)).map((year) => (
          <li key={year}>
            <Link to={`/kommuner/${String(view.municipality)}/brev/${String(year)}`}>
              Brevet om afgørelsen ved opgørelsen af {String(year)}
            </Link>
          </li>
        ))}
      </ul>
      <h3>Frister</h3>
      {view.deadlines.length === 0 ? (
        <p>Ingen frister.</p>
      ) : (
        <>
          <p>
            <a
              className="button"
              href={`/api/municipalities/${String(view.municipality)}/deadlines?format=csv`}
              download
            >
              Hent fristerne som CSV (Excel)
            </a>
          </p>
          <ul>
            {view.deadlines.map((deadline) => (
              <li key={deadline.id}>
                <strong>{formatDate(deadline.dueDate)}</strong>: {deadline.label}
                {deadline.legalBasis === null ? '' : ` (${deadline.legalBasis})`}
                {deadline.fulfilledOn === null
                  ? ''
                  : ` – opfyldt ${formatDate(deadline.fulfilledOn)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Møder</h3>
      {view.meetings.length === 0 ? (
        <p>Ingen møder.</p>
      ) : (
        <ul>
          {view.meetings.map((meeting) => (
            <li key={meeting.id}>
              Møde {formatDate(meeting.meetingDate)}, indkaldt {formatDate(meeting.invitationDate)}{' '}
              ({String(meeting.noticeDays)} dages varsel; mindst {String(meeting.minimumNoticeDays)}
              {meeting.legalBasis === null ? '' : `, ${meeting.legalBasis}`})
              {meeting.note === null ? '' : `: ${meeting.note}`}
              {meeting.letterId === null ? null : (
                <>
                  {' – '}
                  <a
                    href={`/api/web/municipalities/${String(view.municipality)}/meetings/${String(meeting.id)}/letter.html`}
                  >
                    Indkaldelsen (brev)
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canInviteMeeting ? (
        <MeetingForm
          municipality={view.municipality}
          noticeDays={view.meetingNoticeDays}
          onSubmitted={props.onChanged}
        />
      ) : null}
      <h3>AMK’s kontakter</h3>
      {view.contacts.length === 0 ? (
        <p>Ingen kontakter er registreret.</p>
      ) : (
        <ul>
          {view.contacts.map((contact) => (
            <li key={contact.id}>
              {contact.amk}: første kontakt {formatDate(contact.firstContact)}, ønsker bistand:{' '}
              {contact.wantsAssistance}, afdækning{' '}
              {contact.mappingDone ? 'foretaget' : 'ikke foretaget'}. {contact.effort}
            </li>
          ))}
        </ul>
      )}
      {props.canRecordContact ? (
        <ContactForm municipality={view.municipality} onSubmitted={props.onChanged} />
      ) : null}
      <h3>Genopretningsplan</h3>
      {view.plans.length === 0 ? (
        <p>Der er ikke indsendt en genopretningsplan.</p>
      ) : (
        view.plans.map((plan) => <PlanMilestones key={plan.id} plan={plan} measures={measures} />)
      )}
      {props.canSubmitPlan ? (
        <PlanForm
          municipality={view.municipality}
          month={measures.month}
          onSubmitted={props.onChanged}
        />
      ) : null}
      {view.status === 'administration' || view.minimumRequirements.length > 0 ? (
        <MinimumRequirements view={view} />
      ) : null}
      <h3>Historik</h3>
      {view.events.length === 0 ? (
        <p>Sagen har ingen historik endnu.</p>
      ) : (
        <ol>
          {view.events.map((event) => (
            <li key={event.id}>
              {formatDate(event.date)}: {event.summary}
              {event.corrects === null ? '' : ' (rettelse)'}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The minimum requirements month by month under administration, each month judged on its own share. */
function MinimumRequirements(props: { readonly view: CaseView }) {
  const rows = props.view.minimumRequirements;
  const missed = rows.filter((row) => !row.fulfilled).length;
  return (
    <>
      <h3>Minimumskrav under administration</h3>
      {rows.length === 0 ? (
        <p>Der er endnu ingen målte måneder, siden minimumskravene begyndte at gælde.</p>
      ) : (
        <>
          <p>
            {missed === 0
              ? `Kravene er opfyldt i alle ${String(new Set(rows.map((row) => row.month)).size)} målte måneder.`
              : `${String(missed)} ${missed === 1 ? 'gang' : 'gange'} er et krav ikke opfyldt.`}{' '}
            Hver måned vurderes på sin egen andel (ikke et gennemsnit).
          </p>
          <div className="table-scroll">
            <table>
              <caption>Minimumskravene måned for måned</caption>
              <thead>
                <tr>
                  <th scope="col">Måned</th>
                  <th scope="col">Krav</th>
                  <th scope="col" className="numeric">
                    Målgruppe
                  </th>
                  <th scope="col" className="numeric">
                    Andel (%)
                  </th>
                  <th scope="col" className="numeric">
                    Krav (%)
                  </th>
                  <th scope="col">Vurdering</th>
                  <th scope="col">Hjemmel</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={`${row.month}-${row.requirement}`}
                    className={row.fulfilled ? undefined : 'requirement-missed'}
                  >
                    <th scope="row">{formatMonth(row.month)}</th>
                    <td>{row.requirementLabel}</td>
                    <td className="numeric">{formatNumber(row.target)}</td>
                    <td className="numeric">
                      {row.share === null ? '–' : formatAgainst(row.share, row.required)}
                    </td>
                    <td className="numeric">{formatPercent(row.required, 0)}</td>
                    <td>
                      {row.fulfilled ? 'Opfyldt' : 'Ikke opfyldt'}
                      {row.administrationEnded ? ' (administrationen er ophørt)' : ''}
                    </td>
                    <td>{row.legalBasis ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** The years whose issued decision has a letter (every decision but "omfattes ikke"), newest first. */
function lettered(view: CaseView): number[] {
  return [
    ...new Set(
      view.decisions
        .filter((decision) => decision.decision !== 'stays_out')
        .map((decision) => decision.year),
    ),
  ].reverse();
}

/** The assessments with complete figures: up to the month's year when it is December, else the year before. */
function letterYears(measures: MunicipalityMeasures): number[] {
  const last = measures.month.endsWith('-12')
    ? measures.assessmentYear
    : measures.assessmentYear - 1;
  const years: number[] = [];
  for (let year = last; year >= FIRST_LETTER_YEAR; year -= 1) years.push(year);
  return years;
}

/** The first assessment of the regime (the assessment of 2021). */
const FIRST_LETTER_YEAR = 2021;

function PlanMilestones(props: {
  readonly plan: CaseView['plans'][number];
  readonly measures: MunicipalityMeasures;
}) {
  const { plan, measures } = props;
  return (
    <div className="table-scroll">
      <table>
        <caption>
          Plan indsendt {formatDate(plan.submittedOn)}: milepæle mod de faktiske 12 mdr. gns.
        </caption>
        <thead>
          <tr>
            <th scope="col">Måned</th>
            <th scope="col">Fokusmål</th>
            <th scope="col" className="numeric">
              Milepæl (%)
            </th>
            <th scope="col" className="numeric">
              Faktisk 12 mdr. gns. (%)
            </th>
            <th scope="col">Vurdering</th>
          </tr>
        </thead>
        <tbody>
          {plan.milestones.map((milestone) => {
            const goal = milestone.goal as Goal;
            const measured = measures.months.find((month) => month.month === milestone.month);
            const actual = measured === undefined ? null : measured.goals[goal].average;
            return (
              <tr key={`${milestone.goal}-${milestone.month}`}>
                <th scope="row">{formatMonth(milestone.month)}</th>
                <td>{GOAL_LABELS[goal]}</td>
                <td className="numeric">{formatPercent(milestone.target)}</td>
                <td className="numeric">{formatAgainst(actual, milestone.target)}</td>
                <td>
                  {actual === null
                    ? 'Ikke målt endnu'
                    : actual > milestone.target
                      ? 'Afvigelse: over milepælen'
                      : 'Nået'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{plan.description}</p>
    </div>
  );
}

/** Today's date in Denmark, `YYYY-MM-DD`. */
function todayInDenmark(): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

interface MilestoneInput {
  readonly goal: Goal;
  readonly month: string;
  readonly target: string;
}

function PlanForm(props: {
  readonly municipality: number;
  readonly month: string;
  readonly onSubmitted: () => void;
}) {
  const [account, setAccount] = useState('');
  const [plan, setPlan] = useState('');
  const [milestones, setMilestones] = useState<readonly MilestoneInput[]>([
    { goal: 'offers', month: props.month, target: '' },
  ]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const update = (index: number, change: Partial<MilestoneInput>) => {
    setMilestones((current) =>
      current.map((milestone, at) => (at === index ? { ...milestone, ...change } : milestone)),
    );
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const parsed = milestones.map((milestone) => ({
      goal: milestone.goal,
      month: milestone.month,
      target: Number(milestone.target.replace(',', '.')),
    }));
    if (parsed.some((milestone) => !Number.isFinite(milestone.target))) {
      setError('Hver milepæl skal have en andel passive i procent, fx 24,5.');
      return;
    }
    const base = `/api/municipalities/${String(props.municipality)}`;
    const submittedOn = todayInDenmark();
    api<{ id: number }>(`${base}/accounts`, {
      method: 'POST',
      body: { submittedOn, summary: account },
    })
      .then((created) =>
        api<{ id: number }>(`${base}/recovery-plans`, {
          method: 'POST',
          body: {
            submittedOn,
            description: plan,
            accountId: created.id,
            milestones: parsed.map((milestone) => ({
              goal: milestone.goal,
              month: milestone.month,
              targetPassiveShare: milestone.target,
            })),
          },
        }),
      )
      .then(
        () => {
          setDone(`Redegørelse og genopretningsplan er indsendt ${formatDate(submittedOn)}.`);
          setAccount('');
          setPlan('');
          props.onSubmitted();
        },
        (failure: unknown) => {
          setError(failure instanceof ApiError ? failure.message : 'Indsendelsen mislykkedes.');
        },
      );
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="plan-form-heading">
      <h3 id="plan-form-heading">Indsend redegørelse og genopretningsplan</h3>
      <div className="field">
        <label htmlFor="account">Redegørelse</label>
        <textarea
          id="account"
          rows={4}
          required
          value={account}
          onChange={(event) => {
            setAccount(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="plan">Genopretningsplan</label>
        <textarea
          id="plan"
          rows={4}
          required
          value={plan}
          onChange={(event) => {
            setPlan(event.target.value);
          }}
        />
      </div>
      <fieldset>
        <legend>Milepæle (andel passive, 12 mdr. gns., som planen sigter mod)</legend>
        {milestones.map((milestone, index) => (
          <div className="filters" key={index}>
            <div className="field">
              <label htmlFor={`milestone-goal-${String(index)}`}>Fokusmål</label>
              <select
                id={`milestone-goal-${String(index)}`}
                value={milestone.goal}
                onChange={(event) => {
                  update(index, { goal: event.target.value as Goal });
                }}
              >
                {GOALS.map((goal) => (
                  <option key={goal} value={goal}>
                    {GOAL_LABELS[goal]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`milestone-month-${String(index)}`}>Måned</label>
              <input
                id={`milestone-month-${String(index)}`}
                type="month"
                required
                value={milestone.month}
                onChange={(event) => {
                  update(index, { month: event.target.value });
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={`milestone-target-${String(index)}`}>Andel passive (%)</label>
              <input
                id={`milestone-target-${String(index)}`}
                inputMode="decimal"
                required
                value={milestone.target}
                onChange={(event) => {
                  update(index, { target: event.target.value });
                }}
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          onClick={() => {
            setMilestones((current) => [
              ...current,
              { goal: 'conversations', month: props.month, target: '' },
            ]);
          }}
        >
          Tilføj milepæl
        </button>
      </fieldset>
      <ErrorMessage error={error} />
      {done === null ? null : (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="primary">
        Indsend
      </button>
    </form>
  );
}

/** `YYYY-MM-DD` plus `days` days (calendar arithmetic in UTC, no time zone shift). */
function addDays(date: string, days: number): string | null {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return null;
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

/**
 * The meeting invitation. The notice the rules ask for comes with the case
 * (the rule in force today); the server checks it again from the rule book
 * and refuses shorter notice with 422, so the form only tells beforehand.
 */
function MeetingForm(props: {
  readonly municipality: number;
  readonly noticeDays: number;
  readonly onSubmitted: () => void;
}) {
  const [invitationDate, setInvitationDate] = useState(todayInDenmark());
  const [meetingDate, setMeetingDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const earliest = addDays(invitationDate, props.noticeDays);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    api<{ id: number }>(`/api/municipalities/${String(props.municipality)}/meetings`, {
      method: 'POST',
      body: { invitationDate, meetingDate },
    }).then(
      () => {
        setDone(`Indkaldelsen til mødet ${formatDate(meetingDate)} er registreret.`);
        setMeetingDate('');
        props.onSubmitted();
      },
      (failure: unknown) => {
        setError(failure instanceof ApiError ? failure.message : 'Indkaldelsen mislykkedes.');
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="meeting-form-heading">
      <h3 id="meeting-form-heading">Indkald til møde</h3>
      <div className="field">
        <label htmlFor="meeting-invitation-date">Indkaldelsesdato</label>
        <input
          id="meeting-invitation-date"
          type="date"
          required
          value={invitationDate}
          onChange={(event) => {
            setInvitationDate(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="meeting-date">Mødedato</label>
        <input
          id="meeting-date"
          type="date"
          required
          aria-describedby="meeting-rule"
          value={meetingDate}
          onChange={(event) => {
            setMeetingDate(event.target.value);
          }}
        />
      </div>
      <p id="meeting-rule" aria-live="polite">
        Mødet skal varsles mindst {props.noticeDays} dage: tidligst{' '}
        {earliest === null ? '–' : formatDate(earliest)}
      </p>
      <ErrorMessage error={error} />
      {done === null ? null : (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="primary">
        Indkald
      </button>
    </form>
  );
}

const ASSISTANCE_OPTIONS = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nej' },
  { value: 'undecided', label: 'Ved ikke' },
] as const;
type Assistance = (typeof ASSISTANCE_OPTIONS)[number]['value'];

function ContactForm(props: { readonly municipality: number; readonly onSubmitted: () => void }) {
  const [firstContactDate, setFirstContactDate] = useState(todayInDenmark());
  const [wantsAssistance, setWantsAssistance] = useState<Assistance>('undecided');
  const [mappingDone, setMappingDone] = useState(false);
  const [effort, setEffort] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // A link from the AMK's alert list (`#kontakt`) brings the form into view.
  useEffect(() => {
    if (window.location.hash !== '#kontakt') return;
    form.current?.scrollIntoView();
    form.current?.querySelector('input')?.focus({ preventScroll: true });
  }, []);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    api<{ id: number }>(`/api/municipalities/${String(props.municipality)}/amk-contacts`, {
      method: 'POST',
      body: { firstContactDate, wantsAssistance, mappingDone, effort },
    }).then(
      () => {
        setDone(`Kontakten ${formatDate(firstContactDate)} er registreret.`);
        setEffort('');
        props.onSubmitted();
      },
      (failure: unknown) => {
        setError(failure instanceof ApiError ? failure.message : 'Registreringen mislykkedes.');
      },
    );
  };
  return (
    <form
      id="kontakt"
      ref={form}
      className="form"
      onSubmit={submit}
      aria-labelledby="contact-form-heading"
    >
      <h3 id="contact-form-heading">Registrér kontakt</h3>
      <div className="field">
        <label htmlFor="contact-first-date">Første kontakt</label>
        <input
          id="contact-first-date"
          type="date"
          required
          value={firstContactDate}
          onChange={(event) => {
            setFirstContactDate(event.target.value);
          }}
        />
      </div>
      <fieldset>
        <legend>Ønsker kommunen bistand?</legend>
        {ASSISTANCE_OPTIONS.map((option) => (
          <div key={option.value}>
            <input
              id={`contact-assistance-${option.value}`}
              type="radio"
              name="contact-assistance"
              value={option.value}
              checked={wantsAssistance === option.value}
              onChange={() => {
                setWantsAssistance(option.value);
              }}
            />{' '}
            <label htmlFor={`contact-assistance-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <input
          id="contact-mapping-done"
          type="checkbox"
          checked={mappingDone}
          onChange={(event) => {
            setMappingDone(event.target.checked);
          }}
        />{' '}
        <label htmlFor="contact-mapping-done">Afdækning foretaget</label>
      </div>
      <div className="field">
        <label htmlFor="contact-effort">Indsats i kommunen</label>
        <textarea
          id="contact-effort"
          rows={3}
          value={effort}
          onChange={(event) => {
            setEffort(event.target.value);
          }}
        />
      </div>
      <ErrorMessage error={error} />
      {done === null ? null : (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="primary">
        Registrér
      </button>
    </form>
  );
}
