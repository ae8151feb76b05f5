import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { papersApi, type PaperVerification } from '../../components/OfficialDocuments/papersApi';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { formatInstant } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import './VerifyPage.css';

const CODE = /^[A-Z]{2}-[0-9A-Z]{5}-[0-9A-Z]{5}$/;

/** SHA-256 of a file, in lower-case hex, computed in the browser: the file itself is never sent. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'match' } | { state: 'mismatch'; detail: string };

/**
 * Where a paper's QR code leads: anyone checks that a paper was issued by the service (its code, kind, dossier,
 * date and SHA-256), and that a PDF file in hand is exactly the one issued.
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { code: codeInPath } = useParams();
  const navigate = useNavigate();
  const [code, setCode] = useState(codeInPath ?? '');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [paper, setPaper] = useState<PaperVerification | null>(null);
  const [lookup, setLookup] = useState<'idle' | 'loading' | 'notFound' | 'failed'>('idle');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  usePageTitle(t('verify.title'), codeError ? 1 : 0);

  useEffect(() => {
    setPaper(null);
    setCheck({ state: 'idle' });
    if (!codeInPath) return;
    const normalised = codeInPath.trim().toUpperCase();
    setCode(normalised);
    let current = true;
    setLookup('loading');
    papersApi.verify(normalised).then(
      (found) => {
        if (!current) return;
        setPaper(found);
        setLookup('idle');
      },
      (error: unknown) => current && setLookup(isApiError(error) && error.status === 404 ? 'notFound' : 'failed'),
    );
    return () => {
      current = false;
    };
  }, [codeInPath]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalised = code.trim().toUpperCase();
    if (!CODE.test(normalised)) {
      setCodeError(t('verify.codeInvalid'));
      document.getElementById('verify-code')?.focus();
      return;
    }
    setCodeError(null);
    navigate(`/xac-thuc/${normalised}`);
  }

  async function checkFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file || !paper) return;
    setCheck({ state: 'checking' });
    try {
      const hash = await sha256Hex(file);
      await papersApi.verify(paper.code, hash);
      setCheck({ state: 'match' });
    } catch (error) {
      setCheck({
        state: 'mismatch',
        detail: isApiError(error) && error.problem.detail ? error.problem.detail : t('verify.mismatch'),
      });
    }
  }

  return (
    <>
      <PageHeading>{t('verify.title')}</PageHeading>
      <p>{t('verify.lead')}</p>
      <form className="verify-form" onSubmit={submit} noValidate>
        <label htmlFor="verify-code">{t('verify.codeLabel')}</label>
        <p className="field__hint" id="verify-code-hint">
          {t('verify.codeHint')}
        </p>
        {codeError ? (
          <p className="field__error" id="verify-code-error">
            {codeError}
          </p>
        ) : null}
        <input
          id="verify-code"
          className="verify-form__input"
          value={code}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={codeError ? 'verify-code-hint verify-code-error' : 'verify-code-hint'}
          aria-invalid={codeError ? true : undefined}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button">
          {t('verify.submit')}
        </button>
      </form>

      {lookup === 'loading' ? <p role="status">{t('verify.loading')}</p> : null}
      {lookup === 'notFound' ? (
        <p role="alert" className="verify-result verify-result--bad">
          {t('verify.notFound')}
        </p>
      ) : null}
      {lookup === 'failed' ? <p role="alert">{t('verify.failed')}</p> : null}

      {paper ? (
        <section aria-labelledby="verify-result-heading" className="verify-result verify-result--good">
          <h2 id="verify-result-heading">{t('verify.found')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('verify.kind')}</dt>
              <dd>
                {t(`papers.kind.${paper.kind}`, { defaultValue: paper.title })}
                {paper.form ? ` (${paper.form})` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('verify.code')}</dt>
              <dd className="mono">{paper.code}</dd>
            </div>
            {paper.dossierCode ? (
              <div>
                <dt>{t('verify.dossierCode')}</dt>
                <dd className="mono">{paper.dossierCode}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('verify.issuedAt')}</dt>
              <dd>
                <time dateTime={paper.issuedAt}>{formatInstant(paper.issuedAt, i18n.language)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('verify.sha256')}</dt>
              <dd className="mono verify-result__hash" data-testid="verify-sha256">
                {paper.sha256}
              </dd>
            </div>
          </dl>
          <h3>{t('verify.fileHeading')}</h3>
          <p>{t('verify.fileLead')}</p>
          <label htmlFor="verify-file">{t('verify.fileLabel')}</label>
          <input id="verify-file" type="file" accept="application/pdf" onChange={(event) => void checkFile(event)} />
          {check.state === 'checking' ? <p role="status">{t('verify.checking')}</p> : null}
          {check.state === 'match' ? (
            <p role="status" className="verify-result__match">
              {t('verify.match')}
            </p>
          ) : null}
          {check.state === 'mismatch' ? (
            <p role="alert" className="verify-result__mismatch">
              {check.detail}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
