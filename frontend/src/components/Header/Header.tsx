import { useEffect, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { catalogue } from '../../api';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { LanguageSwitch } from '../LanguageSwitch/LanguageSwitch';
import { NotificationBell } from '../Notifications/NotificationBell';
import './Header.css';

function Account() {
  const { t } = useTranslation();
  const { state, signIn, signOut } = useAuth();
  const location = useLocation();

  if (state.status === 'signedIn') {
    return (
      <div className="account">
        <p className="account__name">
          <span className="visually-hidden">{t('auth.signedInAs')}: </span>
          {state.user.displayName}
        </p>
        <button type="button" className="account__button" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </button>
      </div>
    );
  }
  // From the home page, signing in leads to one's dossiers; elsewhere, back to the same page.
  const returnTo = location.pathname === '/' ? undefined : location.pathname + location.search;
  return (
    <div className="account">
      <button
        type="button"
        className="account__button"
        disabled={state.status === 'loading'}
        onClick={() => void signIn(returnTo)}
      >
        {t('auth.signIn')}
      </button>
      <RegisterLink />
    </div>
  );
}

/** The server's registration page, when accounts are made there (not with an external identity provider). */
function RegisterLink() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    catalogue.publicConfig().then(
      (config) => current && setUrl(config.registrationUrl ?? null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return url ? (
    <a className="account__link" href={url}>
      {t('auth.register')}
    </a>
  ) : null;
}

const OFFICER_ROLES = ['REVIEWER', 'APPROVER', 'MONITOR'];

export function Header() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const roles = state.status === 'signedIn' ? state.user.roles : [];
  const officer = roles.some((role) => OFFICER_ROLES.includes(role));
  const admin = roles.includes('ADMIN');
  const enterprise = (!officer && !admin) || roles.includes('ENTERPRISE');
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__name">{t('app.name')}</span>
          <span className="site-header__tagline">{t('app.tagline')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <NotificationBell />
          <Account />
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul className="container site-nav__list">
          <li>
            <NavLink to="/" end className="site-nav__link">
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/tra-cuu" className="site-nav__link">
              {t('nav.lookup')}
            </NavLink>
          </li>
          <li><NavLink to="/thong-ke" className="site-nav__link">{t('statistics.nav')}</NavLink></li>
          {enterprise ? (
            <li>
              <NavLink to="/ho-so" className="site-nav__link">
                {t('nav.myDossiers')}
              </NavLink>
            </li>
          ) : null}
          {officer ? (
            <li>
              <NavLink to="/can-bo" className="site-nav__link">
                {t('nav.queue')}
              </NavLink>
            </li>
          ) : null}
          {admin ? (
            <li>
              <NavLink to="/quan-tri/danh-muc" className="site-nav__link">
                {t('admin.navLink')}
              </NavLink>
            </li>
          ) : null}
          {officer ? <li><NavLink to="/can-bo/thong-ke" className="site-nav__link">{t('dashboard.nav')}</NavLink></li> : null}
        </ul>
      </nav>
    </header>
  );
}
