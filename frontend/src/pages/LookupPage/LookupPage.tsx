import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type PublicDossier } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StatusTag } from '../../components/StatusTag/StatusTag';
import { Timeline } from '../../components/Timeline/Timeline';
import { checkDossierCode, normaliseDossierCode, type DossierCodeProblem } from '../../lib/dossierCode';
import { formatCalendarDate, formatInstant } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import './LookupPage.css';

const CODE_FIELD = 'code';

function LookupResult({ dossier, focusOnShow }: { dossier: PublicDossier; focusOnShow: boolean }) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow, dossier]);
  return (
    <section className="lookup-result" aria-labelledby="lookup-result-heading">
      <h2 id="lookup-result-heading" ref={headingRef} tabIndex={-1}>
        {t('lookup.resultHeading', { code: dossier.code })}
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t('status.label')}</dt>
          <dd>
            <StatusTag status={dossier.status} serverName={dossier.statusName} />
          </dd>
        </div>
        {dossier.submittedAt ? (
          <div>
            <dt>{t('lookup.submittedAt')}</dt>
            <dd>
              <time dateTime={dossier.submittedAt}>{formatInstant(dossier.submittedAt, i18n.language)}</time>
            </dd>
          </div>
        ) : null}
        {dossier.appointmentDate ? (
          <div>
            <dt>{t('lookup.appointmentDate')}</dt>
            <dd>
              <time dateTime={dossier.appointmentDate}>{formatCalendarDate(dossier.appointmentDate, i18n.language)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      {dossier.timeline.length > 0 ? (
        <>
          <h3 id="lookup-timeline-heading">{t('lookup.timelineHeading')}</h3>
          <Timeline entries={dossier.timeline} labelledBy="lookup-timeline-heading" />
        </>
      ) : null}
    </section>
  );
}

/** Public tracking by dossier code: no sign-in, no personal data. The code is part of the URL to share it. */
export function LookupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code: codeParam } = useParams();
  const [value, setValue] = useState(codeParam ?? '');
  const [attempt, setAttempt] = useState(0);
  const [formProblem, setFormProblem] = useState<DossierCodeProblem | null>(null);

  const requested = codeParam ? normaliseDossierCode(codeParam) : null;
  const requestedProblem = codeParam === undefined ? null : checkDossierCode(codeParam);
  const canLookUp = requested !== null && requestedProblem === null;
  const [result, reload] = useResource(canLookUp ? () => api.lookupDossier(requested) : null, [requested]);

  // Arriving from a link or going back and forth: the field shows the code of the URL.
  useEffect(() => {
    setValue(codeParam ?? '');
    setFormProblem(null);
  }, [codeParam]);

  const codeProblem = formProblem ?? requestedProblem;
  const notFound = canLookUp && result.state === 'failed' && isApiError(result.error) && result.error.status === 404;

  const problems: FieldProblem[] = [];
  if (codeProblem === 'required') problems.push({ fieldId: CODE_FIELD, message: t('lookup.codeRequired') });
  else if (codeProblem === 'format') problems.push({ fieldId: CODE_FIELD, message: t('lookup.codeFormat') });
  else if (notFound) problems.push({ fieldId: CODE_FIELD, message: t('lookup.notFound', { code: requested }) });

  usePageTitle(t('lookup.title'), problems.length);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problem = checkDossierCode(value);
    setFormProblem(problem);
    if (problem) return;
    const code = normaliseDossierCode(value);
    if (code === requested) reload();
    else navigate(`/tra-cuu/${encodeURIComponent(code)}`);
  }

  return (
    <>
      <PageHeading>{t('lookup.heading')}</PageHeading>
      <ErrorSummary problems={problems} attempt={attempt} />
      <p className="lead">{t('lookup.lead')}</p>
      <form className="lookup-form" noValidate onSubmit={submit} role="search">
        <TextField
          id={CODE_FIELD}
          name="code"
          label={t('lookup.codeLabel')}
          hint={t('lookup.codeHint')}
          error={problems[0]?.message}
          value={value}
          onChange={setValue}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t('lookup.submit')}
        </button>
      </form>

      {canLookUp && !formProblem ? (
        result.state === 'loading' ? (
          <Loading />
        ) : result.state === 'ready' ? (
          <LookupResult dossier={result.data} focusOnShow={attempt > 0} />
        ) : notFound ? null : (
          <div className="notice notice--error" role="alert">
            <ErrorText error={result.error} />
          </div>
        )
      ) : null}
    </>
  );
}
