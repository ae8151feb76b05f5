import { useTranslation } from 'react-i18next';
import { BarChart } from './BarChart';
import { formatBillions, formatNumber, type PublicReport } from './statisticsApi';
import './BarChart.css';

const FIRST_YEAR = 2010;

/** Years offered by the period filters: from the first year of the programmes to five years ahead. */
export function yearOptions(now = new Date()) {
  const options = [];
  for (let year = now.getFullYear() + 5; year >= FIRST_YEAR; year--) options.push({ value: String(year), label: String(year) });
  return options;
}

/**
 * The figures both the public page and the officers' dashboard show: headline, charts by content, outcomes,
 * processing, targets. Every chart has its table.
 */
export function FiguresSections({ report }: { report: PublicReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const billions = (value: number) => t('statistics.billions', { value: formatBillions(value, language) });
  const national = report.byProgramme.find((f) => f.key === 'NATIONAL');
  const p = report.processing;
  return (
    <>
      <ul className="stat-cards" aria-label={t('statistics.headline')}>
        <li className="stat-card">
          <span className="stat-card__value">
            {t('statistics.contentsValue', {
              done: report.headline.contentsCarriedOut,
              total: report.headline.contentsInCatalogue,
            })}
          </span>
          {t('statistics.contentsCarriedOut')}
        </li>
        <li className="stat-card">
          <span className="stat-card__value">{formatNumber(report.total.projects, language)}</span>
          {t('statistics.projectsOf', { dossiers: formatNumber(report.total.dossiers, language) })}
        </li>
        <li className="stat-card">
          <span className="stat-card__value">{billions(national?.settledSupportPaid ?? 0)}</span>
          {t('statistics.nationalSupport')}
        </li>
        <li className="stat-card">
          <span className="stat-card__value">{billions(national?.counterpartRealised ?? 0)}</span>
          {t('statistics.counterpartDrawn')}
        </li>
        <li className="stat-card">
          <span className="stat-card__value">
            {national?.leverage != null ? t('statistics.leverageValue', { ratio: Math.round(national.leverage) }) : '–'}
          </span>
          {t('statistics.leverage')}
        </li>
      </ul>

      <BarChart
        title={t('statistics.byContentChart')}
        valueLabel={t('statistics.supportApproved')}
        bars={report.byContent.map((f) => ({ label: f.name, value: f.supportApproved }))}
        format={billions}
        empty={t('statistics.empty')}
      />

      <section>
        <h2 id="outcomes-heading">{t('statistics.outcomes')}</h2>
        {report.outcomes.length === 0 ? (
          <p>{t('statistics.empty')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="outcomes-heading">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('statistics.kind')}</th>
                  <th scope="col">{t('statistics.completedProjects')}</th>
                  <th scope="col">{t('statistics.supportPaid')}</th>
                  <th scope="col">{t('statistics.workersTrained')}</th>
                  <th scope="col">{t('statistics.machines')}</th>
                  <th scope="col">{t('statistics.products')}</th>
                  <th scope="col">{t('statistics.fairs')}</th>
                </tr>
              </thead>
              <tbody>
                {report.outcomes.map((o) => (
                  <tr key={o.supportKind ?? o.contentCode}>
                    <th scope="row">{o.supportKindName ?? o.contentCode}</th>
                    <td>{formatNumber(o.projects, language)}</td>
                    <td>{billions(o.supportPaid)}</td>
                    <td>{formatNumber(o.workersTrained, language)}</td>
                    <td>{formatNumber(o.machinesInstalled, language)}</td>
                    <td>{formatNumber(o.products, language)}</td>
                    <td>{formatNumber(o.fairsAttended, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section>
        <h2 id="processing-heading">{t('statistics.processing')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('statistics.onTimeRate')}</dt>
            <dd>{p.onTimeRate == null ? '–' : `${formatNumber(p.onTimeRate, language, 1)} %`}</dd>
          </div>
          <div>
            <dt>{t('statistics.averageDays')}</dt>
            <dd>{p.averageWorkingDaysToDecision == null ? '–' : formatNumber(p.averageWorkingDaysToDecision, language, 1)}</dd>
          </div>
          <div>
            <dt>{t('statistics.supplements')}</dt>
            <dd>
              {formatNumber(p.supplementsRequested, language)}
              {p.supplementRate == null ? '' : ` (${formatNumber(p.supplementRate, language, 1)} %)`}
            </dd>
          </div>
        </dl>
      </section>

      <section>
        <h2 id="targets-heading">{t('statistics.targets')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="targets-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('statistics.period')}</th>
                <th scope="col">{t('statistics.indicator')}</th>
                <th scope="col">{t('statistics.target')}</th>
                <th scope="col">{t('statistics.reached')}</th>
              </tr>
            </thead>
            <tbody>
              {report.targets.map((target) => {
                const percent = target.projectsPercent ?? target.amountPercent ?? 0;
                return (
                  <tr key={`${target.periodCode}-${target.indicator}`}>
                    <td>{target.periodName}</td>
                    <th scope="row">{target.indicator}</th>
                    <td>
                      {target.targetProjects != null ? t('statistics.projectCount', { count: target.targetProjects }) : ''}
                      {target.targetAmount != null ? ` · ${billions(target.targetAmount)}` : ''}
                    </td>
                    <td>
                      <progress className="stat-progress" max={100} value={Math.min(percent, 100)} aria-hidden="true" />{' '}
                      {t('statistics.progress', {
                        projects: formatNumber(target.projects, language),
                        percent: formatNumber(percent, language, 1),
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
