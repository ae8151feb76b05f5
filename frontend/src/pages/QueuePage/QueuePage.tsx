import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type DossierStatus } from '../../api';
import { DeadlineTag } from '../../components/DeadlineTag/DeadlineTag';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StatusTag } from '../../components/StatusTag/StatusTag';
import { formatCalendarDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import './QueuePage.css';

const STATUSES: DossierStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'REVIEWED', 'APPROVED', 'MONITORED'];

/** The officer's work: the agency's dossiers, the nearest deadline first. Filters live in the URL. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('queue.title'));
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('trang-thai'));
  const mine = params.get('cua-toi') === '1';
  const [queue] = useResource(() => api.queue({ status, assignee: mine ? 'me' : undefined }), [status, mine]);

  function update(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }

  return (
    <>
      <PageHeading>{t('queue.heading')}</PageHeading>
      <p className="lead">{t('queue.lead')}</p>
      <form className="queue-filter" role="search" aria-label={t('queue.filter')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="queue-status"
          label={t('queue.status')}
          placeholder={t('queue.allStatuses')}
          value={status ?? ''}
          onChange={(value) => update('trang-thai', value || null)}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <div className="queue-filter__check">
          <input id="queue-mine" type="checkbox" checked={mine} onChange={(e) => update('cua-toi', e.target.checked ? '1' : null)} />
          <label htmlFor="queue-mine">{t('queue.mine')}</label>
        </div>
      </form>
      {queue.state === 'loading' ? (
        <Loading />
      ) : queue.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <ErrorText error={queue.error} />
        </div>
      ) : queue.data.length === 0 ? (
        <p>{t('queue.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="queue-caption">
          <table className="table">
            <caption id="queue-caption">{t('queue.caption', { count: queue.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dossiers.code')}</th>
                <th scope="col">{t('dossiers.dossierTitle')}</th>
                <th scope="col">{t('dossiers.status')}</th>
                <th scope="col">{t('deadline.label')}</th>
                <th scope="col">{t('dossier.appointmentDate')}</th>
                <th scope="col">{t('dossier.assignedReviewer')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((d) => (
                <tr key={d.id} className={d.overdue ? 'queue__row--overdue' : undefined}>
                  <td>
                    <Link to={`/ho-so/${encodeURIComponent(d.id)}`}>{d.code ?? t('common.noCode')}</Link>
                  </td>
                  <td>{d.title}</td>
                  <td>
                    <StatusTag status={d.status} serverName={d.statusName} />
                  </td>
                  <td>
                    <DeadlineTag deadline={d.deadline} />
                  </td>
                  <td>{d.appointmentDate ? formatCalendarDate(d.appointmentDate, i18n.language) : t('common.none')}</td>
                  <td>{d.assignedReviewer ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
