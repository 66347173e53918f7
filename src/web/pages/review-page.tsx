/**
 * Case review (sagsgennemgang): the reviews the logged-in auditor is
 * assigned (the ministry sees all), by municipality, each case by the
 * person's key with its details and current finding; the assigned auditor
 * records a finding per case (compliant yes/no and a text).
 */
import { useId, useState, type SubmitEvent } from 'react';
import type { AssignedReview } from '../../cases/views/assigned-reviews.js';
import type { ReviewCaseView } from '../../cases/case-reviews.js';
import { api, ApiError } from '../api.js';
import { Data, ErrorMessage, Page } from '../components/page.js';
import { formatDate } from '../format.js';
import { roleOf, useSession } from '../session.js';
import { useApi } from '../use-api.js';

type WebReview = AssignedReview & { readonly municipalityName: string };

const KIND_LABELS = {
  sample: 'Stikprøve til sagsgennemgang',
  passive_cases: 'Liste over alle passive sager',
} as const;

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '–';
  if (typeof details !== 'object') return JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

function FindingForm(props: {
  readonly review: WebReview;
  readonly reviewCase: ReviewCaseView;
  readonly onSaved: () => void;
}) {
  const id = useId();
  const { reviewCase } = props;
  const [compliant, setCompliant] = useState<'yes' | 'no'>(
    reviewCase.compliant === false ? 'no' : 'yes',
  );
  const [text, setText] = useState(reviewCase.finding ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    api(`/api/reviews/${props.review.kind}/cases/${String(reviewCase.id)}/finding`, {
      method: 'POST',
      body: { compliant: compliant === 'yes', finding: text },
    })
      .then(() => {
        setSaved(true);
        props.onSaved();
      })
      .catch((caught: unknown) => {
        setError(caught instanceof ApiError ? caught.message : 'Fundet kunne ikke gemmes.');
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <form onSubmit={submit} aria-label={`Fund for sag ${reviewCase.personKey}`}>
      <fieldset>
        <legend>Er sagen i overensstemmelse med reglerne?</legend>
        <label>
          <input
            type="radio"
            name={`${id}-compliant`}
            value="yes"
            checked={compliant === 'yes'}
            onChange={() => {
              setCompliant('yes');
            }}
          />{' '}
          Ja
        </label>{' '}
        <label>
          <input
            type="radio"
            name={`${id}-compliant`}
            value="no"
            checked={compliant === 'no'}
            onChange={() => {
              setCompliant('no');
            }}
          />{' '}
          Nej
        </label>
      </fieldset>
      <label htmlFor={`${id}-finding`}>Fund</label>
      <textarea
        id={`${id}-finding`}
        required
        maxLength={20_000}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <button type="submit" disabled={busy}>
        Gem fund
      </button>
      <ErrorMessage error={error} />
      {saved ? <p role="status">Fundet er gemt.</p> : null}
    </form>
  );
}

function ReviewCase(props: {
  readonly review: WebReview;
  readonly reviewCase: ReviewCaseView;
  readonly canRecord: boolean;
  readonly onSaved: () => void;
}) {
  const { reviewCase } = props;
  return (
    <li>
      <h4>Sag {reviewCase.personKey}</h4>
      <p>{detailsText(reviewCase.details)}</p>
      <p>
        Registreret fund:{' '}
        {reviewCase.finding === null
          ? 'intet endnu'
          : `${reviewCase.compliant === false ? 'ikke i orden' : reviewCase.compliant === true ? 'i orden' : 'uden vurdering'} – ${reviewCase.finding}`}
      </p>
      {props.canRecord ? (
        <FindingForm review={props.review} reviewCase={reviewCase} onSaved={props.onSaved} />
      ) : null}
    </li>
  );
}

export function ReviewPage() {
  const { user } = useSession();
  const role = roleOf(user);
  const loaded = useApi<{ readonly reviews: readonly WebReview[] }>(
    role === 'auditor' || role === 'ministry' ? '/api/web/reviews' : null,
  );
  if (role !== 'auditor' && role !== 'ministry')
    return (
      <Page title="Sagsgennemgang">
        <p>Siden er for revisorer og ministeriet. Log ind som revisor for at se dine sager.</p>
      </Page>
    );
  return (
    <Page
      title="Sagsgennemgang"
      lead={
        role === 'auditor'
          ? 'De sagsgennemgange, du er tildelt. Registrér ét fund pr. sag.'
          : 'Alle sagsgennemgange; fund registreres af den tildelte revisor.'
      }
    >
      <Data loaded={loaded}>
        {(data) =>
          data.reviews.length === 0 ? (
            <p>Der er ingen sagsgennemgange til dig.</p>
          ) : (
            data.reviews.map((review) => (
              <section
                key={`${review.kind}-${String(review.id)}`}
                aria-labelledby={`review-${review.kind}-${String(review.id)}`}
              >
                <h2 id={`review-${review.kind}-${String(review.id)}`}>
                  {review.municipalityName} ({review.municipality})
                </h2>
                <p>
                  {KIND_LABELS[review.kind]} pr. {formatDate(review.drawnOn)}: {review.description}
                </p>
                <h3>Sager</h3>
                <ul>
                  {review.cases.map((reviewCase) => (
                    <ReviewCase
                      key={reviewCase.id}
                      review={review}
                      reviewCase={reviewCase}
                      canRecord={role === 'auditor'}
                      onSaved={loaded.reload}
                    />
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </Data>
    </Page>
  );
}
