import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { usePageTitle } from '../../lib/usePageTitle';

/** Where the authorization server sends people back: redeems the code, then resumes their way. */
export function CallbackPage() {
  const { t } = useTranslation();
  const { completeSignIn, signIn } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  usePageTitle(t('auth.callbackTitle'), failed ? 1 : 0);

  useEffect(() => {
    let current = true;
    completeSignIn().then(
      (returnTo) => current && navigate(returnTo, { replace: true }),
      (error: unknown) => {
        console.error('Sign-in callback failed', error);
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [completeSignIn, navigate]);

  return (
    <>
      <PageHeading>{t('auth.callbackTitle')}</PageHeading>
      {failed ? (
        <div className="notice notice--error" role="alert">
          <p>{t('auth.callbackFailed')}</p>
          <button type="button" className="button" onClick={() => void signIn()}>
            {t('auth.tryAgain')}
          </button>
        </div>
      ) : (
        <Loading label={t('auth.completing')} />
      )}
    </>
  );
}
