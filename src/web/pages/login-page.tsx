/**
 * Log in with user name and password (POST /api/session), or through the
 * identity provider when the server has OpenID Connect set up (GET
 * /api/session/options says so); the public needs no login.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api.js';
import { ErrorMessage, Page } from '../components/page.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';

interface LoginOptions {
  readonly password: boolean;
  readonly oidc: { readonly name: string; readonly loginUrl: string } | null;
}

export function LoginPage({ next }: { readonly next: string }) {
  const { login } = useSession();
  const [oidc, setOidc] = useState<LoginOptions['oidc']>(null);
  useEffect(() => {
    api<LoginOptions>('/api/session/options').then(
      (options) => {
        setOidc(options.oidc);
      },
      () => {
        setOidc(null);
      },
    );
  }, []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    login(username, password).then(
      () => {
        navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/');
      },
      (failure: unknown) => {
        setBusy(false);
        setError(
          failure instanceof ApiError && failure.status === 401
            ? 'Forkert brugernavn eller adgangskode.'
            : failure instanceof Error
              ? failure.message
              : 'Login mislykkedes.',
        );
      },
    );
  };
  return (
    <Page
      title="Log ind"
      lead={
        <>
          Styrelsen, arbejdsmarkedskontorerne, kommunerne og revisorerne logger ind her. Alle kan se{' '}
          <Link to="/">landsoversigten</Link> uden at logge ind.
        </>
      }
    >
      {oidc !== null && (
        <p>
          <a className="button" href={oidc.loginUrl}>
            Log ind med {oidc.name} (OpenID Connect)
          </a>
        </p>
      )}
      <form className="form narrow" onSubmit={submit} aria-describedby="login-error">
        <div className="field">
          <label htmlFor="username">Brugernavn</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Adgangskode</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </div>
        <div id="login-error">
          <ErrorMessage error={error} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Logger ind …' : 'Log ind'}
        </button>
      </form>
    </Page>
  );
}
