import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatFileSize, formatInstant } from '../../lib/format';
import { papersApi, type Paper } from './papersApi';
import './OfficialDocuments.css';

const OFFICERS = ['REVIEWER', 'APPROVER', 'MONITOR', 'ADMIN'];

/**
 * The papers the service issued for a dossier (receipt, supplement request, refusal, apology, process control
 * slip, decision), each downloadable as PDF and checkable on the public verification page.
 * {@code version} changes when the dossier does, so that papers issued by a new step are fetched again.
 */
export function OfficialDocuments({ dossierId, roles, version }: { dossierId: string; roles: string[]; version?: number }) {
  const { t, i18n } = useTranslation();
  const [papers, setPapers] = useState<Paper[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    papersApi.list(dossierId).then(
      (list) => {
        if (current) {
          setPapers(list);
          setFailed(false);
        }
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [dossierId, version]);

  async function drawUp() {
    setBusy(true);
    setError(null);
    try {
      const paper = await papersApi.drawUpProcessControl(dossierId);
      setPapers((list) => (list?.some((p) => p.id === paper.id) ? list : [...(list ?? []), paper]));
    } catch {
      setError(t('papers.drawUpFailed'));
    } finally {
      setBusy(false);
    }
  }

  async function download(paper: Paper) {
    setError(null);
    try {
      await papersApi.download(paper);
    } catch {
      setError(t('papers.downloadFailed'));
    }
  }

  return (
    <section aria-labelledby="papers-heading" className="official-documents">
      <h2 id="papers-heading">{t('papers.heading')}</h2>
      <p>{t('papers.lead')}</p>
      {failed ? <p role="alert">{t('papers.loadFailed')}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      {papers && papers.length === 0 ? <p>{t('papers.none')}</p> : null}
      {papers && papers.length > 0 ? (
        <ul className="official-documents__list">
          {papers.map((paper) => (
            <li key={paper.id} className="official-documents__item">
              <h3 className="official-documents__title">
                {t(`papers.kind.${paper.kind}`, { defaultValue: paper.title })}
                {paper.form ? <span className="official-documents__form"> ({paper.form})</span> : null}
              </h3>
              <dl className="summary-list">
                <div>
                  <dt>{t('papers.code')}</dt>
                  <dd className="mono">{paper.code}</dd>
                </div>
                <div>
                  <dt>{t('papers.issuedAt')}</dt>
                  <dd>
                    <time dateTime={paper.issuedAt}>{formatInstant(paper.issuedAt, i18n.language)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('papers.size')}</dt>
                  <dd>{formatFileSize(paper.sizeBytes, i18n.language)}</dd>
                </div>
                <div>
                  <dt>{t('papers.sha256')}</dt>
                  <dd className="mono official-documents__hash">{paper.sha256}</dd>
                </div>
              </dl>
              <p className="button-group no-print">
                <button type="button" className="button button--secondary" onClick={() => void download(paper)}>
                  {t('papers.download', { code: paper.code })}
                </button>
                <Link to={`/xac-thuc/${paper.code}`}>{t('papers.verifyLink')}</Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {roles.some((role) => OFFICERS.includes(role)) ? (
        <p className="no-print">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void drawUp()}>
            {t('papers.drawUpProcessControl')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
