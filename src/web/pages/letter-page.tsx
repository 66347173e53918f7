/**
 * The letter of a municipality's decision at an assessment: the letter as
 * the municipality receives it (the same HTML the server renders from the
 * letter's input), and the PDF to download.
 */
import { Page } from '../components/page.js';
import { Link } from '../router.js';

export function LetterPage(props: { readonly code: number; readonly year: number }) {
  const base = `/api/web/municipalities/${String(props.code)}/letters/${String(props.year)}`;
  return (
    <Page
      title={`Brev om afgørelsen ved opgørelsen af ${String(props.year)}`}
      lead={
        <>
          Til kommune {String(props.code)} – se{' '}
          <Link to={`/kommuner/${String(props.code)}`}>kommunens side</Link>. Brevet dannes af
          afgørelsens oplysninger og giver de samme bytes, hver gang det dannes.
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
