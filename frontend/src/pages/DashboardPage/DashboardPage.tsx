import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogue, catalogueContents } from '../../api';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField } from '../../components/Field/Field';
import { ResourceView } from '../../components/ResourceView/ResourceView';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useUrlFilter } from '../../lib/useUrlFilter';
import { useResource } from '../../lib/useResource';
import { BarChart } from '../StatisticsPage/BarChart';
import { FiguresSections } from '../StatisticsPage/FiguresSections';
import { YearRangeFields } from '../StatisticsPage/periodFilter';
import { yearParam } from '../StatisticsPage/StatisticsPage';
import { formatBillions, formatNumber, statisticsApi, type Figures, type StatisticsFilter } from '../StatisticsPage/statisticsApi';

/** The filter as the URL keeps it (Vietnamese-readable names), so a dashboard view can be bookmarked and shared. */
export function filterFrom(params: URLSearchParams): StatisticsFilter {
  const programme = params.get('chuong-trinh');
  return {
    fromYear: yearParam(params.get('tu-nam')),
    toYear: yearParam(params.get('den-nam')),
    programme: programme === 'NATIONAL' || programme === 'LOCAL' ? programme : undefined,
    contentCode: params.get('noi-dung') || undefined,
    communeCode: params.get('xa') || undefined,
  };
}

/** The officers' dashboard: every breakdown with filters, charts with their tables, CSV and XLSX export. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const [params, update] = useUrlFilter();
  const filter = filterFrom(params);
  const [report] = useResource(() => statisticsApi.dashboard(filter), [params.toString()]);
  const [contents] = useResource(() => catalogueContents(), []);
  const [communes] = useResource(() => catalogue.communes(), []);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const language = i18n.language;
  const billions = (value: number) => t('statistics.billions', { value: formatBillions(value, language) });
  const count = (value: number) => formatNumber(value, language);

  async function download(format: 'csv' | 'xlsx') {
    setExporting(format);
    setExportError(null);
    try {
      await statisticsApi.download(format, filter);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  }

  return (
    <>
      <PageHeading>{t('dashboard.heading')}</PageHeading>
      <p className="lead">{t('dashboard.lead')}</p>
      <form className="stat-filter" role="search" aria-label={t('dashboard.filter')} onSubmit={(e) => e.preventDefault()}>
        <YearRangeFields idPrefix="dash" filter={filter} update={update} />
        <SelectField
          id="dash-programme"
          label={t('dashboard.programme')}
          placeholder={t('dashboard.allProgrammes')}
          value={filter.programme ?? ''}
          onChange={(value) => update('chuong-trinh', value)}
          options={[
            { value: 'NATIONAL', label: t('dashboard.national') },
            { value: 'LOCAL', label: t('dashboard.local') },
          ]}
        />
        <SelectField
          id="dash-content"
          label={t('dashboard.content')}
          placeholder={t('dashboard.allContents')}
          value={filter.contentCode ?? ''}
          onChange={(value) => update('noi-dung', value)}
          options={contents.state === 'ready' ? contents.data.map((c) => ({ value: c.code, label: c.name, lang: 'vi' })) : []}
        />
        <SelectField
          id="dash-commune"
          label={t('dashboard.commune')}
          placeholder={t('dashboard.allCommunes')}
          value={filter.communeCode ?? ''}
          onChange={(value) => update('xa', value)}
          options={communes.state === 'ready' ? communes.data.map((c) => ({ value: c.code, label: c.name, lang: 'vi' })) : []}
        />
      </form>
      <div className="stat-actions">
        <button type="button" className="button button--secondary" disabled={exporting !== null} onClick={() => void download('csv')}>
          {exporting === 'csv' ? t('dashboard.exporting') : t('dashboard.exportCsv')}
        </button>
        <button type="button" className="button button--secondary" disabled={exporting !== null} onClick={() => void download('xlsx')}>
          {exporting === 'xlsx' ? t('dashboard.exporting') : t('dashboard.exportXlsx')}
        </button>
      </div>
      {exportError ? (
        <div className="notice notice--error" role="alert">
          <ErrorText error={exportError} />
        </div>
      ) : null}
      <ResourceView resource={report}>
        {(data) => (
          <>
            <FiguresSections report={data} />
            <BarChart
              title={t('dashboard.byStateChart')}
              valueLabel={t('dashboard.dossiers')}
              bars={data.byState.map((f) => ({ label: f.key ? t(`status.${f.key}`) : f.name, value: f.dossiers }))}
              format={count}
              empty={t('statistics.empty')}
            />
            <BarChart
              title={t('dashboard.byCommuneChart')}
              valueLabel={t('statistics.supportApproved')}
              bars={data.byCommune.map((f) => ({ label: f.name, value: f.supportApproved }))}
              format={billions}
              empty={t('statistics.empty')}
            />
            <FiguresTable id="by-programme" title={t('dashboard.byProgramme')} rows={[...data.byProgramme, data.total]} />
            <FiguresTable id="by-content" title={t('dashboard.byContent')} rows={data.byContent} />
            <FiguresTable id="by-year" title={t('dashboard.byYear')} rows={data.byYear} />
          </>
        )}
      </ResourceView>
    </>
  );
}

/** The money of each group, in full đồng: what officers copy into their reports. */
function FiguresTable({ id, title, rows }: { id: string; title: string; rows: Figures[] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <section>
      <h2 id={`${id}-heading`}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('statistics.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-heading`}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.group')}</th>
                <th scope="col">{t('dashboard.dossiers')}</th>
                <th scope="col">{t('statistics.projects')}</th>
                <th scope="col">{t('dashboard.requested')}</th>
                <th scope="col">{t('statistics.supportApproved')}</th>
                <th scope="col">{t('statistics.supportPaid')}</th>
                <th scope="col">{t('dashboard.committed')}</th>
                <th scope="col">{t('dashboard.realised')}</th>
                <th scope="col">{t('statistics.leverage')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.key ?? 'total'}>
                  <th scope="row">{f.name}</th>
                  <td>{n(f.dossiers)}</td>
                  <td>{n(f.projects)}</td>
                  <td>{n(f.supportRequested)}</td>
                  <td>{n(f.supportApproved)}</td>
                  <td>{n(f.supportPaid)}</td>
                  <td>{n(f.counterpartCommitted)}</td>
                  <td>{n(f.counterpartRealised)}</td>
                  <td>{f.leverage == null ? '–' : formatNumber(f.leverage, i18n.language, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
