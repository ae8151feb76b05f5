import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueContents } from '../../api';
import { SERVER_LANGUAGE } from '../../api/describeError';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import './HomePage.css';

const STEPS = ['submit', 'receive', 'review', 'approve', 'monitor', 'accept'] as const;
const LEGAL_BASIS = ['decree45', 'circular36', 'decree61', 'circular01'] as const;
const FACTS = ['procedure', 'level', 'applicants', 'agency', 'copies', 'result', 'deadline'] as const;
const DOSSIER_CONTENTS = ['letter', 'project', 'beneficiary', 'annex'] as const;
const CONDITIONS = ['call', 'cap', 'supplement'] as const;

/** Each content's processing time, as the catalogue keeps it; nothing is shown while it is unknown. */
function ProcessingTimes() {
  const { t } = useTranslation();
  const [contents] = useResource(catalogueContents, []);
  if (contents.state !== 'ready') return null;
  const timed = contents.data.filter((c) => c.processingDays);
  if (timed.length === 0) return null;
  return (
    <section aria-labelledby="processing-heading">
      <h2 id="processing-heading">{t('home.processingHeading')}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="processing-caption">
        <table className="table">
          <caption id="processing-caption">{t('home.processingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('home.processingContent')}</th>
              <th scope="col">{t('home.processingDays')}</th>
            </tr>
          </thead>
          <tbody>
            {timed.map((content) => (
              <tr key={content.code}>
                <td lang={SERVER_LANGUAGE}>{content.name}</td>
                <td>{t('home.processingDaysValue', { count: content.processingDays ?? 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

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

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('home.factsHeading')}</h2>
        <dl className="summary-list">
          {FACTS.map((fact) => (
            <div key={fact}>
              <dt>{t(`home.facts.${fact}.label`)}</dt>
              <dd>{t(`home.facts.${fact}.value`)}</dd>
            </div>
          ))}
        </dl>
      </section>

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
        <section aria-labelledby="contents-heading">
          <h2 id="contents-heading">{t('home.contentsHeading')}</h2>
          <ul>
            {DOSSIER_CONTENTS.map((item) => (
              <li key={item}>{t(`home.contents.${item}`)}</li>
            ))}
          </ul>
          <p>{t('home.contentsNote')}</p>
        </section>

        <section aria-labelledby="conditions-heading">
          <h2 id="conditions-heading">{t('home.conditionsHeading')}</h2>
          <ul>
            {CONDITIONS.map((item) => (
              <li key={item}>{t(`home.conditions.${item}`)}</li>
            ))}
          </ul>
          <h3>{t('home.formsHeading')}</h3>
          <p>{t('home.forms')}</p>
        </section>
      </div>

      <ProcessingTimes />

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
