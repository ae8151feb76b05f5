import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { User, UserManager } from 'oidc-client-ts';
import { api, holdRequestsWhile, isApiError, onUnauthorized, setAccessToken, type Me, type PublicConfig } from '../api';
import { SessionWarning } from '../components/SessionWarning/SessionWarning';
import { currentLanguage } from '../i18n';
import { watchActivity } from './activity';
import { AuthContext, type Auth, type AuthState, type SignedInUser } from './AuthContext';
import { vietnameseName } from './profileName';
import { safeReturnTo } from './returnTo';
import { keepSession, type SessionKeeper } from './sessionKeeper';
import {
  clearTabStorage,
  lastActivity,
  markSessionEnded,
  rememberActivity,
  resumeKeepingDrafts,
  stopKeepingDrafts,
} from './sessionStore';

export const CALLBACK_PATH = '/auth/callback';

const DEFAULT_IDLE_MINUTES = 30;
const DEFAULT_MAX_HOURS = 10;
/** The last activity is written to the tab's storage at most this often. */
const ACTIVITY_WRITE_MS = 5_000;

interface Session {
  manager: UserManager;
  config: PublicConfig;
}

let sessionPromise: Promise<Session> | null = null;

/** The OIDC library and the backend's config, fetched the first time someone needs them. */
function oidcSession(): Promise<Session> {
  sessionPromise ??= Promise.all([import('./oidc'), api.publicConfig()])
    .then(([{ createUserManager }, config]) => ({ manager: createUserManager(config), config }))
    .catch((error: unknown) => {
      sessionPromise = null;
      throw error;
    });
  return sessionPromise;
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

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function fromProfile(user: User): SignedInUser {
  const profile = user.profile;
  const username = (profile.preferred_username as string | undefined) ?? profile.sub;
  return {
    username,
    displayName: vietnameseName(profile) ?? username,
    roles: [],
    organisationName: null,
    onboarding: null,
    prefill: null,
  };
}

function fromMe(me: Me, profile: SignedInUser): SignedInUser {
  return {
    username: me.username,
    displayName: me.displayName || profile.displayName,
    roles: me.roles,
    organisationName: me.organisationName,
    onboarding: me.onboarding ?? null,
    prefill: me.prefill ?? null,
  };
}

/** A renewal that failed for want of a network, not because the identity provider refused the refresh token. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === 'ErrorTimeout');
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(initialState);
  const [warningEndsAt, setWarningEndsAt] = useState<number | null>(null);
  const navigate = useNavigate();
  const keeper = useRef<{ keeper: SessionKeeper; stop: () => void } | null>(null);
  const username = useRef<string | null>(null);

  const stopKeeping = useCallback(() => {
    keeper.current?.stop();
    keeper.current = null;
    setWarningEndsAt(null);
  }, []);

  /**
   * Ends the session in this tab and shows it expired; what the person typed stays kept for when they sign in
   * again. `revoke`: the refresh token is still good, and must not outlive the session.
   */
  const endLocally = useCallback(
    async (revoke: boolean) => {
      stopKeeping();
      setAccessToken(null);
      if (username.current) markSessionEnded(username.current);
      setState({ status: 'anonymous', expired: true });
      try {
        const { manager } = await oidcSession();
        if (revoke) await manager.revokeTokens(['refresh_token']).catch(() => undefined);
        await manager.removeUser();
      } catch {
        // Nothing more can be forgotten.
      }
    },
    [stopKeeping],
  );

  const startKeeping = useCallback(
    ({ manager, config }: Session, user: User, resumed: boolean): SessionKeeper => {
      stopKeeping();
      let current = user;
      let lastWritten = 0;
      if (!resumed) rememberActivity(Date.now());
      const authTime = typeof user.profile.auth_time === 'number' ? user.profile.auth_time * 1000 : Date.now();
      const kept = keepSession({
        idleMs: positive(config.sessionIdleMinutes, DEFAULT_IDLE_MINUTES) * 60_000,
        maxMs: positive(config.sessionMaxHours, DEFAULT_MAX_HOURS) * 3_600_000,
        startedAt: authTime,
        lastActivity: resumed ? lastActivity() : undefined,
        tokenExpiresAt: () => (current.expires_at === undefined ? undefined : current.expires_at * 1000),
        renew: () => {
          // The library uses the refresh token grant when the user holds a refresh token.
          const renewal = manager.signinSilent().then((renewed) => {
            if (!renewed) throw new Error('The identity provider gave no new token');
            current = renewed;
            setAccessToken(renewed.access_token);
          });
          holdRequestsWhile(renewal);
          return renewal;
        },
        isRefusal: (error) => !isNetworkFailure(error),
        onWarning: setWarningEndsAt,
        onEnd: (reason) => void endLocally(reason !== 'refused'),
        onActivity: (at) => {
          if (at - lastWritten < ACTIVITY_WRITE_MS) return;
          lastWritten = at;
          rememberActivity(at);
        },
      });
      const stopWatching = watchActivity(() => kept.activity());
      const stopListening = manager.events.addAccessTokenExpiring(() => kept.tokenExpiring());
      keeper.current = {
        keeper: kept,
        stop: () => {
          kept.stop();
          stopWatching();
          stopListening();
        },
      };
      kept.start();
      return kept;
    },
    [endLocally, stopKeeping],
  );

  const adopt = useCallback(
    async (found: User | null, resumed: boolean) => {
      stopKeeping();
      if (!found || (found.expired && !found.refresh_token)) {
        setAccessToken(null);
        setState({ status: 'anonymous', expired: Boolean(found) });
        return;
      }
      let user = found;
      username.current = fromProfile(user).username;
      resumeKeepingDrafts();
      const session = await oidcSession();
      const kept = startKeeping(session, user, resumed);
      // A tab reopened after the idle limit ends at once.
      if (keeper.current?.keeper !== kept) return;
      if (user.expired) {
        // Back in a tab after the token's life: the refresh token may still hold.
        await kept.renew();
        if (keeper.current?.keeper !== kept) return;
        user = (await session.manager.getUser()) ?? user;
      }
      setAccessToken(user.access_token);
      let signedIn = fromProfile(user);
      try {
        signedIn = fromMe(await api.me(), signedIn);
      } catch (error) {
        // A refused token has already ended the session; anything else leaves the profile's name.
        if (isApiError(error) && error.status === 401) return;
      }
      setState({ status: 'signedIn', user: signedIn });
    },
    [startKeeping, stopKeeping],
  );

  useEffect(() => {
    const expire = () => void endLocally(false);
    onUnauthorized(expire);
    return () => {
      onUnauthorized(null);
      keeper.current?.stop();
      keeper.current = null;
    };
  }, [endLocally]);

  useEffect(() => {
    if (window.location.pathname === CALLBACK_PATH || !hasStoredSession()) return;
    oidcSession()
      .then(({ manager }) => manager.getUser())
      .then(
        (user) => adopt(user, true),
        () => setState({ status: 'unavailable' }),
      );
  }, [adopt]);

  const signIn = useCallback(async (returnTo?: string) => {
    try {
      const { manager } = await oidcSession();
      // The identity provider's pages in the language of the interface.
      await manager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) }, ui_locales: currentLanguage() });
    } catch {
      setState({ status: 'unavailable' });
    }
  }, []);

  const signOut = useCallback(async () => {
    stopKeepingDrafts();
    stopKeeping();
    setAccessToken(null);
    username.current = null;
    setState({ status: 'loading' });
    let manager: UserManager | null = null;
    let idToken: string | undefined;
    try {
      ({ manager } = await oidcSession());
      idToken = (await manager.getUser().catch(() => null))?.id_token;
      await manager.revokeTokens(['refresh_token']).catch(() => undefined);
      await manager.removeUser().catch(() => undefined);
    } catch {
      // No identity provider to tell: the session still ends here.
    }
    clearTabStorage();
    try {
      if (!manager) throw new Error('The identity provider is not reachable');
      // RP-initiated logout: the identity provider's own session ends too, then it sends the person home.
      await manager.signoutRedirect({ id_token_hint: idToken, post_logout_redirect_uri: `${window.location.origin}/` });
    } catch {
      resumeKeepingDrafts();
      setState({ status: 'anonymous', expired: false });
      navigate('/');
    }
  }, [navigate, stopKeeping]);

  const completeSignIn = useCallback(async () => {
    try {
      const { manager } = await oidcSession();
      const user = await redeemCallback(manager);
      await adopt(user, false);
      return safeReturnTo((user.state as { returnTo?: unknown } | undefined)?.returnTo);
    } catch (error) {
      setState({ status: 'anonymous', expired: false });
      throw error;
    }
  }, [adopt]);

  const reloadMe = useCallback(async () => {
    // The access token names the person's organisation: a new one carries the organisation just registered or joined.
    await keeper.current?.keeper.renew();
    const me = await api.me();
    setState((previous) =>
      previous.status === 'signedIn' ? { status: 'signedIn', user: fromMe(me, previous.user) } : previous,
    );
  }, []);

  const keepWorking = useCallback(() => {
    void keeper.current?.keeper.keepWorking();
  }, []);

  const auth = useMemo<Auth>(
    () => ({ state, signIn, signOut, completeSignIn, reloadMe }),
    [state, signIn, signOut, completeSignIn, reloadMe],
  );
  return (
    <AuthContext.Provider value={auth}>
      {children}
      <SessionWarning endsAt={warningEndsAt} onContinue={keepWorking} onSignOut={() => void signOut()} />
    </AuthContext.Provider>
  );
}
