/**
 * The application's frame: a skip link, the header with the navigation of
 * the user's role, the page of the current path, and the footer.
 */
import type { ReactNode } from 'react';
import { Page } from './components/page.js';
import { LoginPage } from './pages/login-page.js';
import { MunicipalityPage } from './pages/municipality-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { StatusReportPage } from './pages/status-report-page.js';
import { AssessmentReportPage } from './pages/assessment-report-page.js';
import { BenchmarkReportPage } from './pages/benchmark-report-page.js';
import { LetterPage } from './pages/letter-page.js';
import { AssessmentPage } from './pages/assessment-page.js';
import { ReviewPage } from './pages/review-page.js';
import { AmkPage } from './pages/amk-page.js';
import { SimulationPage } from './pages/simulation-page.js';
import { Link, match, navigate, queryParameter, useLocation } from './router.js';
import { ROLE_LABELS, roleOf, useSession, type Role, type SessionUser } from './session.js';

interface NavItem {
  readonly to: string;
  readonly label: string;
}

function navigationOf(user: SessionUser | null): readonly NavItem[] {
  const role: Role = roleOf(user);
  const reports = { to: '/rapporter', label: 'Rapporter' };
  switch (role) {
    case 'ministry':
      return [
        { to: '/', label: 'Landsoversigt' },
        { to: '/opgoerelser', label: 'Opgørelser' },
        { to: '/amk', label: 'Tidlig indsats' },
        { to: '/revision', label: 'Sagsgennemgang' },
        { to: '/simulering', label: 'Reformsimulering' },
        reports,
      ];
    case 'amk':
      return [{ to: '/', label: 'Mit AMK' }, { to: '/amk', label: 'Tidlig indsats' }, reports];
    case 'municipality':
      return [
        { to: `/kommuner/${String(user?.municipality ?? '')}`, label: 'Min kommune' },
        { to: '/', label: 'Landsoversigt' },
        reports,
      ];
    case 'auditor':
      return [
        { to: '/revision', label: 'Sagsgennemgang' },
        { to: '/', label: 'Landsoversigt' },
        reports,
      ];
    case 'public':
      return [{ to: '/', label: 'Landsoversigt' }, reports];
  }
}

function routeOf(path: string): ReactNode {
  if (match('/', path) !== undefined) return <OverviewPage />;
  if (match('/opgoerelser', path) !== undefined) return <AssessmentPage />;
  if (match('/revision', path) !== undefined) return <ReviewPage />;
  if (match('/amk', path) !== undefined) return <AmkPage />;
  if (match('/simulering', path) !== undefined) return <SimulationPage />;
  const letter = match('/kommuner/:code/brev/:year', path);
  if (letter !== undefined)
    return <LetterPage code={Number(letter['code'])} year={Number(letter['year'])} />;
  const municipality = match('/kommuner/:code', path);
  if (municipality !== undefined) {
    const code = Number(municipality['code']);
    return <MunicipalityPage key={code} code={code} />;
  }
  if (match('/rapporter', path) !== undefined || match('/rapporter/status', path) !== undefined)
    return <StatusReportPage />;
  if (match('/rapporter/opgoerelse', path) !== undefined) return <AssessmentReportPage />;
  if (match('/rapporter/benchmark', path) !== undefined) return <BenchmarkReportPage />;
  if (match('/log-ind', path) !== undefined)
    return <LoginPage next={queryParameter(path, 'næste') ?? '/'} />;
  return (
    <Page title="Siden findes ikke">
      <p>
        Der er ingen side på denne adresse. Gå til <Link to="/">landsoversigten</Link>.
      </p>
    </Page>
  );
}

export function App() {
  const path = useLocation();
  const { user, ready, logout } = useSession();
  const items = navigationOf(user);
  const current = path.split('?')[0] ?? '/';
  return (
    <>
      <a className="skip-link" href="#main">
        Spring til indholdet
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/">tilsyn</Link>
          <span className="brand-sub">Skærpet tilsyn med kommunernes beskæftigelsesindsats</span>
        </div>
        <nav aria-label="Hovedmenu">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={current === item.to ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          {user === null ? (
            <Link to="/log-ind">Log ind</Link>
          ) : (
            <>
              <span>
                {user.username} · {ROLE_LABELS[user.role]}
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  void logout().then(() => {
                    navigate('/');
                  });
                }}
              >
                Log ud
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">{ready ? routeOf(path) : <p role="status">Henter session …</p>}</main>
      <footer className="site-footer">
        <p>
          tilsyn – lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a.
          Tal i dansk format; kommuner med navn og kode.
        </p>
      </footer>
    </>
  );
}
