import { useTranslation } from 'react-i18next';
import { ResourceView } from '../../components/ResourceView/ResourceView';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { SatisfactionSummary } from '../../components/Satisfaction/SatisfactionSummary';
import { usePageTitle } from '../../lib/usePageTitle';
import { useUrlFilter } from '../../lib/useUrlFilter';
import { useResource } from '../../lib/useResource';
import { BarChart } from './BarChart';
import { FiguresSections } from './FiguresSections';
import { YearRangeFields } from './periodFilter';
import { OPEN_DATA, statisticsApi, type StatisticsFilter } from './statisticsApi';

/** Reads a year from the URL, or nothing when it is missing or not a plausible year. */
export function yearParam(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  return Number(value);
}

/** The public statistics: computed live from the dossiers; the period lives in the URL so it can be shared. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('statistics.title'));
  const [params, update] = useUrlFilter();
  const filter: StatisticsFilter = { fromYear: yearParam(params.get('tu-nam')), toYear: yearParam(params.get('den-nam')) };
  const [report] = useResource(() => statisticsApi.publicReport(filter), [filter.fromYear, filter.toYear]);

  return (
    <>
      <PageHeading>{t('statistics.heading')}</PageHeading>
      <p className="lead">{t('statistics.lead')}</p>
      <form className="stat-filter" role="search" aria-label={t('statistics.filter')} onSubmit={(e) => e.preventDefault()}>
        <YearRangeFields idPrefix="stat" filter={filter} update={update} />
      </form>
      <ResourceView resource={report}>
        {(data) => (
          <>
            <FiguresSections report={data} />
            <BarChart
              title={t('statistics.byYearChart')}
              valueLabel={t('statistics.projects')}
              bars={data.byYear.map((f) => ({ label: f.key ?? t('statistics.unknown'), value: f.projects }))}
              format={(v) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN').format(v)}
              empty={t('statistics.empty')}
            />
            <SatisfactionSummary />
            <section aria-labelledby="open-data-heading">
              <h2 id="open-data-heading">{t('statistics.openData')}</h2>
              <p>{t('statistics.openDataLead')}</p>
              <ul>
                <li>
                  <a href={OPEN_DATA.csv}>{t('statistics.openDataCsv')}</a>
                </li>
                <li>
                  <a href={OPEN_DATA.json}>{t('statistics.openDataJson')}</a>
                </li>
              </ul>
            </section>
          </>
        )}
      </ResourceView>
    </>
  );
}
