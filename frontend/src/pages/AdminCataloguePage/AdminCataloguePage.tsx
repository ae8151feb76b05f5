import { Navigate, NavLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { AgenciesSection } from './AgenciesSection';
import { CallsSection } from './CallsSection';
import { CapsSection } from './CapsSection';
import { ContentsSection } from './ContentsSection';
import { HolidaysSection } from './HolidaysSection';
import './AdminCataloguePage.css';

/** The parts of the catalogue an administrator keeps, each at its own address. */
export const SECTIONS = [
  { slug: 'noi-dung', key: 'contents', Component: ContentsSection },
  { slug: 'muc-ho-tro', key: 'caps', Component: CapsSection },
  { slug: 'dot-tiep-nhan', key: 'calls', Component: CallsSection },
  { slug: 'ngay-nghi', key: 'holidays', Component: HolidaysSection },
  { slug: 'co-quan', key: 'agencies', Component: AgenciesSection },
] as const;

/**
 * "Quản trị danh mục": the law changes, the administrator updates the catalogue — contents with
 * their processing times and required documents, support caps from a date, funding calls,
 * public holidays, agencies.
 */
export function AdminCataloguePage() {
  const { t } = useTranslation();
  const { section: slug } = useParams();
  const { state } = useAuth();
  const section = SECTIONS.find((s) => s.slug === slug);
  if (!section) return <Navigate replace to={`/quan-tri/danh-muc/${SECTIONS[0].slug}`} />;
  const isAdmin = state.status === 'signedIn' && state.user.roles.includes('ADMIN');
  const { Component } = section;
  return (
    <>
      <PageHeading key={section.key} caption={t('admin.heading')}>
        {t(`admin.${section.key}.heading`)}
      </PageHeading>
      <nav className="admin-nav" aria-label={t('admin.sectionsLabel')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <NavLink to={`/quan-tri/danh-muc/${s.slug}`} className="admin-nav__link">
                {t(`admin.${s.key}.heading`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {isAdmin ? (
        <Component />
      ) : (
        <div className="notice notice--error" role="alert">
          <p>{t('admin.adminOnly')}</p>
        </div>
      )}
    </>
  );
}
