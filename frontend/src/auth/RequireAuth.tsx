import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading/Loading';
import { useAuth } from './AuthContext';

/**
 * Shows its page only to a signed-in person. Someone arriving signed out is sent to sign in
 * and brought back here; someone whose session expired while working is told so and chooses
 * when to leave for the sign-in page, rather than being carried off mid-task.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  const mustRedirect = state.status === 'anonymous' && !state.expired;

  useEffect(() => {
    if (mustRedirect) void signIn(returnTo);
  }, [mustRedirect, returnTo, signIn]);

  switch (state.status) {
    case 'signedIn':
      return <>{children}</>;
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
      return state.expired ? (
        <div className="notice" role="alert">
          <p>{t('auth.sessionExpired')}</p>
          <button type="button" className="button" onClick={() => void signIn(returnTo)}>
            {t('auth.signIn')}
          </button>
        </div>
      ) : (
        <Loading label={t('auth.redirecting')} />
      );
  }
}
