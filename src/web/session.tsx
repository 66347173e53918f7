/**
 * Who is logged in: the session the server keeps in an HttpOnly cookie,
 * read with GET /api/session. Without a session the user is the public
 * (aggregated figures only).
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { UserView } from '../http/presenters/user.js';
import { api, ApiError, setCsrfToken } from './api.js';

export type Role = 'ministry' | 'amk' | 'municipality' | 'auditor' | 'public';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ministry: 'Styrelsen (ministeriet)',
  amk: 'Arbejdsmarkedskontor',
  municipality: 'Kommune',
  auditor: 'Revisor',
  public: 'Offentlig',
};

export interface SessionUser {
  readonly username: string;
  readonly role: Role;
  readonly municipality: number | null;
  /** The AMK of an amk user, as stored ("AMK Øst"). */
  readonly amk: string | null;
}

interface SessionResponse {
  readonly user?: UserView;
  readonly csrfToken?: string;
}

function userOf(response: SessionResponse | null): SessionUser | null {
  const user = response?.user;
  if (user === undefined) return null;
  return {
    username: user.displayName ?? user.username,
    role: user.role,
    municipality: user.municipalityCode,
    amk: user.amk,
  };
}

interface SessionContextValue {
  readonly user: SessionUser | null;
  readonly ready: boolean;
  readonly login: (username: string, password: string) => Promise<void>;
  readonly logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    api<SessionResponse>('/api/session').then(
      (response) => {
        setCsrfToken(response.csrfToken ?? null);
        setUser(userOf(response));
        setReady(true);
      },
      () => {
        setUser(null);
        setReady(true);
      },
    );
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const response = await api<SessionResponse>('/api/session', {
      method: 'POST',
      body: { username, password },
    });
    setCsrfToken(response.csrfToken ?? null);
    const next = userOf(response) ?? userOf(await api<SessionResponse>('/api/session'));
    if (next === null) throw new ApiError(500, 'Login lykkedes, men sessionen kunne ikke læses.');
    setUser(next);
  }, []);
  const logout = useCallback(async () => {
    let endSessionUrl: string | undefined;
    try {
      // 204 (no body) for a local logout; an OpenID Connect session also
      // ends at the identity provider, where the browser goes next.
      const answer = await api<{ endSessionUrl?: string } | null>('/api/session', {
        method: 'DELETE',
      });
      endSessionUrl = answer?.endSessionUrl;
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
    if (endSessionUrl !== undefined) window.location.assign(endSessionUrl);
  }, []);
  return (
    <SessionContext.Provider value={{ user, ready, login, logout }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The role of the current user; the public without a session. */
export function roleOf(user: SessionUser | null): Role {
  return user?.role ?? 'public';
}
