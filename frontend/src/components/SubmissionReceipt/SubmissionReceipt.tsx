import type { Ref } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/types';
import { formatCalendarDate, formatInstant } from '../../lib/format';
import './SubmissionReceipt.css';

/** The receipt shown once a dossier is submitted: its code and the appointment date, ready to print. */
export function SubmissionReceipt({ dossier, headingRef }: { dossier: Dossier; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t, i18n } = useTranslation();
  if (!dossier.code) return null;
  return (
    <section className="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" ref={headingRef} tabIndex={-1}>
        {t('receipt.heading')}
      </h2>
      <p>{t('receipt.lead')}</p>
      <dl className="receipt__facts">
        <div className="receipt__fact receipt__fact--code">
          <dt>{t('receipt.code')}</dt>
          <dd data-testid="dossier-code">{dossier.code}</dd>
        </div>
        {dossier.appointmentDate ? (
          <div className="receipt__fact">
            <dt>{t('receipt.appointmentDate')}</dt>
            <dd>
              <time dateTime={dossier.appointmentDate}>{formatCalendarDate(dossier.appointmentDate, i18n.language)}</time>
            </dd>
          </div>
        ) : null}
        {dossier.submittedAt ? (
          <div className="receipt__fact">
            <dt>{t('receipt.submittedAt')}</dt>
            <dd>
              <time dateTime={dossier.submittedAt}>{formatInstant(dossier.submittedAt, i18n.language)}</time>
            </dd>
          </div>
        ) : null}
        <div className="receipt__fact">
          <dt>{t('receipt.dossierTitle')}</dt>
          <dd>{dossier.title}</dd>
        </div>
      </dl>
      <div className="button-group no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link to={`/tra-cuu/${encodeURIComponent(dossier.code)}`}>{t('receipt.lookupLink')}</Link>
      </div>
    </section>
  );
}
