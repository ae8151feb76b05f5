import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS, satisfactionApi, type SatisfactionPeriod } from './satisfactionApi';

/** The public's view of the ratings: per year, how many dossiers were rated and the average of each indicator. */
export function SatisfactionSummary() {
  const { t, i18n } = useTranslation();
  const [periods, setPeriods] = useState<SatisfactionPeriod[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    satisfactionApi.averages('YEAR').then(
      (loaded) => current && setPeriods(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);

  const score = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (
    <section aria-labelledby="satisfaction-summary-heading">
      <h2 id="satisfaction-summary-heading">{t('satisfaction.summary.heading')}</h2>
      <p>{t('satisfaction.summary.lead')}</p>
      {failed ? (
        <p role="alert">{t('satisfaction.summary.failed')}</p>
      ) : periods === null ? (
        <p>{t('satisfaction.summary.loading')}</p>
      ) : periods.length === 0 ? (
        <p>{t('satisfaction.summary.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('satisfaction.summary.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('satisfaction.summary.period')}</th>
                <th scope="col">{t('satisfaction.summary.count')}</th>
                {INDICATORS.map((indicator) => (
                  <th scope="col" key={indicator}>
                    {t(`satisfaction.indicator.${indicator}`)}
                  </th>
                ))}
                <th scope="col">{t('satisfaction.summary.overall')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.period}>
                  <th scope="row">{period.period}</th>
                  <td>{period.count}</td>
                  {INDICATORS.map((indicator) => (
                    <td key={indicator}>{score.format(period[indicator])}</td>
                  ))}
                  <td>{score.format(period.overall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
