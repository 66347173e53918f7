/**
 * The letter of a municipality's decision at an assessment: the letter as
 * the municipality received it — the HTML stored with the issued decision —
 * and the PDF to download, rendered from the letter's stored input. The
 * page says whether the letter is the stored one (and can check that it
 * regenerates byte for byte) or, for a decision issued before letters were
 * stored, composed now from the assessment.
 */
import { useState } from 'react';
import type { MunicipalityMeasures } from '../../cases/views/municipality-measures.js';
import type { LetterVerification } from '../../cases/letters.js';
import type { WebLetterInfo } from '../../cases/views/web-letters.js';
import { api, ApiError } from '../api.js';
import { ErrorMessage, Page } from '../components/page.js';
import { formatDate, municipalityLabel } from '../format.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

export function LetterPage(props: { readonly code: number; readonly year: number }) {
  const base = `/api/web/municipalities/${String(props.code)}/letters/${String(props.year)}`;
  const measures = useApi<MunicipalityMeasures>(
    `/api/web/municipalities/${String(props.code)}/measures`,
  );
  const info = useApi<WebLetterInfo>(`${base}.json`);
  const name =
    measures.state === 'ready'
      ? municipalityLabel(measures.data.municipality)
      : `kommune ${String(props.code)}`;
  return (
    <Page
      title={`Brev om afgørelsen ved opgørelsen af ${String(props.year)}`}
      lead={
        <>
          Til {name} – se <Link to={`/kommuner/${String(props.code)}`}>kommunens side</Link>.
        </>
      }
      actions={
        <a className="button" href={`${base}.pdf`} download>
          Hent brevet som PDF
        </a>
      }
    >
      {info.state === 'ready' ? <LetterSource code={props.code} info={info.data} /> : null}
      {info.state === 'error' ? <ErrorMessage error={info.error.message} /> : null}
      <iframe
        className="letter-frame"
        title={`Brevet om afgørelsen ved opgørelsen af ${String(props.year)}`}
        src={`${base}.html`}
      />
    </Page>
  );
}

function LetterSource(props: { readonly code: number; readonly info: WebLetterInfo }) {
  const { info } = props;
  const [verification, setVerification] = useState<LetterVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (info.letterId === null)
    return (
      <p className="notice letter-source" role="note">
        <strong>Sammensat ved visningen.</strong> {info.note}
      </p>
    );
  const letterId = info.letterId;
  const verify = () => {
    setError(null);
    api<LetterVerification>(
      `/api/web/municipalities/${String(props.code)}/letters/${String(letterId)}/verify`,
    ).then(setVerification, (failure: unknown) => {
      setError(failure instanceof ApiError ? failure.message : 'Kontrollen mislykkedes.');
    });
  };
  return (
    <div className="letter-source">
      <p>
        <strong>Brevet er gemt med afgørelsen</strong> (brev nr. {letterId}, dateret{' '}
        {formatDate(info.letterDate)}). Det vises, som det blev sendt, og PDF’en dannes af brevets
        gemte oplysninger — med de samme bytes hver gang.
      </p>
      <button type="button" onClick={verify}>
        Kontrollér brevet
      </button>
      <ErrorMessage error={error} />
      {verification === null ? null : (
        <p role="status" className={verification.identical ? 'ok' : 'error'}>
          {verification.identical
            ? 'Kontrolleret: HTML, tekst og PDF dannes igen byte for byte som det gemte brev (SHA-256 ens).'
            : `Afvigelse: ${[
                verification.html.same ? null : 'HTML',
                verification.text.same ? null : 'tekst',
                verification.pdf.same ? null : 'PDF',
              ]
                .filter((form) => form !== null)
                .join(
                  ', ',
                )} dannes ikke som det gemte brev (skabelonversion ${verification.templateVersion}, nu ${verification.currentTemplateVersion}).`}
        </p>
      )}
    </div>
  );
}
