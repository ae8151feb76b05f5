import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { User, UserManager } from 'oidc-client-ts';
import { api, isApiError, onUnauthorized, setAccessToken } from '../api';
import { AuthContext, type Auth, type AuthState, type SignedInUser } from './AuthContext';
import { safeReturnTo } from './returnTo';

export const CALLBACK_PATH = '/auth/callback';

let managerPromise: Promise<UserManager> | null = null;

/** The OIDC library and the backend's config, fetched the first time someone needs them. */
function userManager(): Promise<UserManager> {
  managerPromise ??= Promise.all([import('./oidc'), api.publicConfig()])
    .then(([{ createUserManager }, config]) => createUserManager(config))
    .catch((error: unknown) => {
      managerPromise = null;
      throw error;
    });
  return managerPromise;
}

/** Whether this tab holds a session, known without loading the OIDC library. */
function hasStoredSession(): boolean {
  try {
    for (let i = 0; i < window.sessionStorage.length; i++) {
      if (window.sessionStorage.key(i)?.startsWith('oidc.user:')) return true;
    }
  } catch {
    // Storage blocked: no session can have been kept.
  }
  return false;
}

let pendingCallback: { url: string; result: Promise<User> } | null = null;

/** The code in the callback URL can be redeemed once: a second render must reuse the first attempt. */
function redeemCallback(manager: UserManager): Promise<User> {
  const url = window.location.href;
  if (pendingCallback?.url !== url) pendingCallback = { url, result: manager.signinRedirectCallback(url) };
  return pendingCallback.result;
}

function initialState(): AuthState {
  if (window.location.pathname === CALLBACK_PATH || hasStoredSession()) return { status: 'loading' };
  return { status: 'anonymous', expired: false };
}

function fromProfile(user: User): SignedInUser {
  const profile = user.profile;
  const username = (profile.preferred_username as string | undefined) ?? profile.sub;
  return { username, displayName: profile.name ?? username, roles: [], organisationName: null };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(initialState);
  const navigate = useNavigate();
  const expiryTimer = useRef<number | undefined>(undefined);

  const expire = useCallback(() => {
    window.clearTimeout(expiryTimer.current);
    setAccessToken(null);
    setState({ status: 'anonymous', expired: true });
    void userManager().then((m) => m.removeUser(), () => undefined);
  }, []);

  const adopt = useCallback(
    async (user: User | null) => {
      window.clearTimeout(expiryTimer.current);
      if (!user || user.expired) {
        setAccessToken(null);
        setState({ status: 'anonymous', expired: Boolean(user) });
        return;
      }
      setAccessToken(user.access_token);
      if (user.expires_in !== undefined) {
        expiryTimer.current = window.setTimeout(expire, Math.max(0, user.expires_in * 1000));
      }
      let signedIn = fromProfile(user);
      try {
        const me = await api.me();
        signedIn = {
          username: me.username,
          displayName: me.displayName || signedIn.displayName,
          roles: me.roles,
          organisationName: me.organisationName,
        };
      } catch (error) {
        // A refused token has already ended the session; anything else leaves the profile's name.
        if (isApiError(error) && error.status === 401) return;
      }
      setState({ status: 'signedIn', user: signedIn });
    },
    [expire],
  );

  useEffect(() => {
    onUnauthorized(expire);
    return () => {
      onUnauthorized(null);
      window.clearTimeout(expiryTimer.current);
    };
  }, [expire]);

  useEffect(() => {
    if (window.location.pathname === CALLBACK_PATH || !hasStoredSession()) return;
    userManager()
      .then((m) => m.getUser())
      .then(adopt, () => setState({ status: 'unavailable' }));
  }, [adopt]);

  const signIn = useCallback(async (returnTo?: string) => {
    try {
      const manager = await userManager();
      await manager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) } });
    } catch {
      setState({ status: 'unavailable' });
    }
  }, []);

  const signOut = useCallback(async () => {
    window.clearTimeout(expiryTimer.current);
    setAccessToken(null);
    try {
      const manager = await userManager();
      // Ends the session at the authorization server too, when it offers an end-session endpoint.
      await manager.signoutRedirect();
    } catch {
      setState({ status: 'anonymous', expired: false });
      navigate('/');
    }
  }, [navigate]);

  const completeSignIn = useCallback(async () => {
    try {
      const manager = await userManager();
      const user = await redeemCallback(manager);
      await adopt(user);
      return safeReturnTo((user.state as { returnTo?: unknown } | undefined)?.returnTo);
    } catch (error) {
      setState({ status: 'anonymous', expired: false });
      throw error;
    }
  }, [adopt]);

  const auth = useMemo<Auth>(
    () => ({ state, signIn, signOut, completeSignIn }),
    [state, signIn, signOut, completeSignIn],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
