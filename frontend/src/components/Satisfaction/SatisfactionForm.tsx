import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { ErrorSummary } from '../ErrorSummary/ErrorSummary';
import { INDICATORS, satisfactionApi, type Indicator, type Rating } from './satisfactionApi';
import './SatisfactionForm.css';

const SCORES = [2, 1, 0] as const;

/**
 * The enterprise rates the service once its dossier has a result, on the one-stop indicators (Circular
 * 01/2018/TT-VPCP Art. 13), each 2 (better than required), 1 (as required) or 0 (worse), with a comment.
 */
export function SatisfactionForm({ dossierId, version }: { dossierId: string; version?: number }) {
  const { t } = useTranslation();
  const [canRate, setCanRate] = useState(false);
  const [rating, setRating] = useState<Rating | null>(null);
  const [scores, setScores] = useState<Partial<Record<Indicator, number>>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<Indicator[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    satisfactionApi.status(dossierId).then(
      (status) => {
        if (!current) return;
        setCanRate(status.canRate);
        setRating(status.rating);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [dossierId, version]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unanswered = INDICATORS.filter((indicator) => scores[indicator] === undefined);
    setMissing(unanswered);
    setAttempt((n) => n + 1);
    if (unanswered.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await satisfactionApi.rate(dossierId, {
        processingTime: scores.processingTime ?? 0,
        contacts: scores.contacts ?? 0,
        attitude: scores.attitude ?? 0,
        onlineService: scores.onlineService ?? 0,
        comment: comment.trim() || undefined,
      });
      setRating(saved);
      setCanRate(false);
    } catch (e) {
      setError(isApiError(e) && e.problem.detail ? e.problem.detail : t('satisfaction.failed'));
    } finally {
      setBusy(false);
    }
  }

  if (rating) {
    return (
      <section aria-labelledby="satisfaction-heading" className="satisfaction">
        <h2 id="satisfaction-heading">{t('satisfaction.heading')}</h2>
        <p role="status">{t('satisfaction.thanks')}</p>
        <dl className="summary-list">
          {INDICATORS.map((indicator) => (
            <div key={indicator}>
              <dt>{t(`satisfaction.indicator.${indicator}`)}</dt>
              <dd>{t(`satisfaction.score.${indicator}.${rating[indicator]}`)}</dd>
            </div>
          ))}
          {rating.comment ? (
            <div>
              <dt>{t('satisfaction.comment')}</dt>
              <dd>{rating.comment}</dd>
            </div>
          ) : null}
        </dl>
      </section>
    );
  }
  if (!canRate) return null;

  return (
    <section aria-labelledby="satisfaction-heading" className="satisfaction no-print">
      <h2 id="satisfaction-heading">{t('satisfaction.heading')}</h2>
      <p>{t('satisfaction.lead')}</p>
      <ErrorSummary
        problems={missing.map((indicator) => ({
          fieldId: `satisfaction-${indicator}-2`,
          message: t('satisfaction.missing', { indicator: t(`satisfaction.indicator.${indicator}`) }),
        }))}
        attempt={attempt}
      />
      {error ? <p role="alert">{error}</p> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        {INDICATORS.map((indicator) => (
          <fieldset key={indicator} className="satisfaction__question">
            <legend>{t(`satisfaction.indicator.${indicator}`)}</legend>
            {missing.includes(indicator) ? (
              <p className="field__error">{t('satisfaction.choose')}</p>
            ) : null}
            {SCORES.map((score) => (
              <label key={score} className="satisfaction__choice">
                <input
                  type="radio"
                  id={`satisfaction-${indicator}-${score}`}
                  name={indicator}
                  value={score}
                  checked={scores[indicator] === score}
                  onChange={() => setScores((s) => ({ ...s, [indicator]: score }))}
                />{' '}
                {t(`satisfaction.score.${indicator}.${score}`)}
              </label>
            ))}
          </fieldset>
        ))}
        <label htmlFor="satisfaction-comment">{t('satisfaction.comment')}</label>
        <textarea
          id="satisfaction-comment"
          maxLength={2000}
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        <p>
          <button type="submit" className="button" disabled={busy}>
            {t('satisfaction.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}
