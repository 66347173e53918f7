/**
 * The letter of a municipality's decision at an assessment: the letter as
 * the municipality receives it (the same HTML the server renders from the
 * letter's input), and the PDF to download.
 */
import type { MunicipalityMeasures } from '../../cases/views/municipality-measures.js';
import { Page } from '../components/page.js';
import { municipalityLabel } from '../format.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

export function LetterPage(props: { readonly code: number; readonly year: number }) {
  const base = `/api/web/municipalities/${String(props.code)}/letters/${String(props.year)}`;
  const measures = useApi<MunicipalityMeasures>(
    `/api/web/municipalities/${String(props.code)}/measures`,
  );
  const name =
    measures.state === 'ready'
      ? municipalityLabel(measures.data.municipality)
      : `kommune ${String(props.code)}`;
  return (
    <Page
      title={`Brev om afgørelsen ved opgørelsen af ${String(props.year)}`}
      lead={
        <>
          Til {name} – se <Link to={`/kommuner/${String(props.code)}`}>kommunens side</Link>. Brevet
          dannes af afgørelsens oplysninger og giver de samme bytes, hver gang det dannes.
        </>
      }
      actions={
        <a className="button" href={`${base}.pdf`} download>
          Hent brevet som PDF
        </a>
      }
    >
      <iframe
        className="letter-frame"
        title={`Brevet om afgørelsen ved opgørelsen af ${String(props.year)}`}
        src={`${base}.html`}
      />
    </Page>
  );
}
