import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { usePageTitle } from '../../lib/usePageTitle';

/** What an officer whose account is linked to no agency sees instead of the officer pages. */
export function NoAgencyPage() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  usePageTitle(t('noAgency.title'));
  if (state.status === 'signedIn' && state.user.onboarding !== 'AGENCY_UNKNOWN') return <Navigate replace to="/" />;
  return (
    <>
      <PageHeading>{t('noAgency.title')}</PageHeading>
      <div className="notice">
        <p>{t('noAgency.text')}</p>
        <p>{t('noAgency.afterwards')}</p>
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void signOut()} data-testid="no-agency-sign-out">
          {t('auth.signOut')}
        </button>
      </div>
    </>
  );
}
