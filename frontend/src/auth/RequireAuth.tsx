import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Onboarding } from '../api/types';
import { Loading } from '../components/Loading/Loading';
import { useAuth } from './AuthContext';
import { onboardingRedirect } from './onboarding';

/** The notice of an expired session takes the focus: the page the person was using has just gone. */
function Expired({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice" role="alert" tabIndex={-1} ref={ref} data-testid="session-expired">
      <p>{t('auth.sessionExpired')}</p>
      <button type="button" className="button" onClick={onSignIn}>
        {t('auth.signIn')}
      </button>
    </div>
  );
}

/**
 * Shows its page only to a signed-in person. Someone arriving signed out is sent to sign in
 * and brought back here; someone whose session expired while working is told so and chooses
 * when to leave for the sign-in page, rather than being carried off mid-task. Someone who must
 * first register an organisation (or whose agency is unknown) is sent to that step; `step`
 * names the step this page is, so that it shows.
 */
export function RequireAuth({ children, step }: { children: ReactNode; step?: Onboarding }) {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  const mustRedirect = state.status === 'anonymous' && !state.expired;

  useEffect(() => {
    if (mustRedirect) void signIn(returnTo);
  }, [mustRedirect, returnTo, signIn]);

  switch (state.status) {
    case 'signedIn': {
      const onboarding = onboardingRedirect(state.user, returnTo, step);
      return onboarding ? <Navigate replace to={onboarding} /> : <>{children}</>;
    }
    case 'loading':
      return <Loading />;
    case 'unavailable':
      return (
        <div className="notice notice--error" role="alert">
          <p>{t('auth.unavailable')}</p>
          <button type="button" className="button" onClick={() => void signIn(returnTo)}>
            {t('common.retry')}
          </button>
        </div>
      );
    case 'anonymous':
      return state.expired ? <Expired onSignIn={() => void signIn(returnTo)} /> : <Loading label={t('auth.redirecting')} />;
  }
}
