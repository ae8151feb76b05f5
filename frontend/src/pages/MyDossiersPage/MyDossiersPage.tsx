import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type Dossier } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ResourceView } from '../../components/ResourceView/ResourceView';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StatusTag } from '../../components/StatusTag/StatusTag';
import { formatInstant, isoDateInVietnam } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import './MyDossiersPage.css';

/** What the enterprise can do next with a dossier: go on filling it in, or keep its receipt. */
function NextStep({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const id = encodeURIComponent(dossier.id);
  const hidden = <span className="visually-hidden">: {dossier.title}</span>;
  if (dossier.editable) {
    return (
      <Link to={`/ho-so/${id}/sua`}>
        {dossier.status === 'DRAFT' ? t('wizard.resumeDraft') : t('wizard.resumeSupplement')}
        {hidden}
      </Link>
    );
  }
  if (dossier.code) {
    return (
      <Link to={`/ho-so/${id}/bien-nhan`}>
        {t('wizard.receiptShort')}
        {hidden}
      </Link>
    );
  }
  return <>{t('common.none')}</>;
}

/**
 * On a phone each row becomes a small card; the explicit roles keep it a table for screen
 * readers, which otherwise drop table semantics when CSS changes how rows are displayed.
 */
function DossierTable({ dossiers }: { dossiers: Dossier[] }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...dossiers].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const columns = {
    code: t('dossiers.code'),
    title: t('dossiers.dossierTitle'),
    status: t('dossiers.status'),
    createdAt: t('dossiers.createdAt'),
    next: t('wizard.nextColumn'),
  };
  return (
    <table className="table dossier-table" role="table">
      <caption>{t('dossiers.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {Object.values(columns).map((label) => (
            <th key={label} scope="col" role="columnheader">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {newestFirst.map((dossier) => (
          <tr key={dossier.id} role="row">
            <td role="cell" data-label={columns.code} className="dossier-table__code">
              {dossier.code ?? (
                <>
                  <span aria-hidden="true">{t('common.none')}</span>
                  <span className="visually-hidden">{t('common.noCode')}</span>
                </>
              )}
            </td>
            <td role="cell" data-label={columns.title}>
              <Link to={`/ho-so/${encodeURIComponent(dossier.id)}`}>{dossier.title}</Link>
            </td>
            <td role="cell" data-label={columns.status}>
              <StatusTag status={dossier.status} serverName={dossier.statusName} />
            </td>
            <td role="cell" data-label={columns.createdAt}>
              <time dateTime={isoDateInVietnam(dossier.createdAt)}>
                {formatInstant(dossier.createdAt, i18n.language, false)}
              </time>
            </td>
            <td role="cell" data-label={columns.next}>
              <NextStep dossier={dossier} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the page was told on arriving: an organisation just joined (an invitation) or registered. */
function arrivalNotice(state: unknown, t: ReturnType<typeof useTranslation>['t']): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const { joinedOrganisation, registeredOrganisation } = state as Record<string, unknown>;
  if (typeof joinedOrganisation === 'string') return t('invitation.joined', { name: joinedOrganisation });
  if (typeof registeredOrganisation === 'string') return t('organisation.registered', { name: registeredOrganisation });
  return null;
}

export function MyDossiersPage() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const location = useLocation();
  const notice = arrivalNotice(location.state, t);
  const [dossiers, reload] = useResource(() => api.myDossiers(), []);
  usePageTitle(t('dossiers.title'));
  const organisation = state.status === 'signedIn' ? state.user.organisationName : null;

  return (
    <>
      <PageHeading caption={organisation ? t('dossiers.organisation', { name: organisation }) : undefined}>
        {t('dossiers.heading')}
      </PageHeading>
      {notice ? (
        <div className="notice notice--success" role="status" data-testid="arrival-notice">
          <p>{notice}</p>
        </div>
      ) : null}
      <div className="button-group">
        <Link to="/ho-so/moi" className="button">
          {t('dossiers.create')}
        </Link>
      </div>
      <ResourceView resource={dossiers} onRetry={reload}>
        {(data) => (data.length === 0 ? <p>{t('dossiers.empty')}</p> : <DossierTable dossiers={data} />)}
      </ResourceView>
    </>
  );
}
