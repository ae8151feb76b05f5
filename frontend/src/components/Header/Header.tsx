import { Link, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { LanguageSwitch } from '../LanguageSwitch/LanguageSwitch';
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
    </div>
  );
}

export function Header() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__name">{t('app.name')}</span>
          <span className="site-header__tagline">{t('app.tagline')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
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
          <li>
            <NavLink to="/ho-so" className="site-nav__link">
              {t('nav.myDossiers')}
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
