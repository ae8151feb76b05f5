import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { usePageTitle } from '../../lib/usePageTitle';
import './HomePage.css';

const STEPS = ['submit', 'receive', 'review', 'approve', 'monitor', 'accept'] as const;
const LEGAL_BASIS = ['decree45', 'circular36', 'decree61', 'circular01'] as const;

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <PageHeading>{t('home.heading')}</PageHeading>
      <p className="lead">{t('home.lead')}</p>
      <div className="button-group">
        <Link to="/ho-so/moi" className="button button--large">
          {t('home.apply')}
        </Link>
      </div>
      <p>
        {t('home.lookupHint')} <Link to="/tra-cuu">{t('home.lookup')}</Link>
      </p>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t('home.stepsHeading')}</h2>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step} className="steps__item">
              <h3 className="steps__name">{t(`home.steps.${step}.name`)}</h3>
              <p>{t(`home.steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <div className="home-columns">
        <section aria-labelledby="time-heading">
          <h2 id="time-heading">{t('home.timeHeading')}</h2>
          <ul>
            <li>{t('home.timeCompleteness')}</li>
            <li>{t('home.timeProcessing')}</li>
            <li>{t('home.timeAppointment')}</li>
          </ul>
          <h3>{t('home.feeHeading')}</h3>
          <p>{t('home.fee')}</p>
        </section>

        <section aria-labelledby="legal-heading">
          <h2 id="legal-heading">{t('home.legalHeading')}</h2>
          <ul>
            {LEGAL_BASIS.map((text) => (
              <li key={text}>{t(`home.legal.${text}`)}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
